using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>An officer asks for supplements (yêu cầu bổ sung): comments on checklist items or field groups and a
/// deadline. Only those parts unlock for the enterprise.</summary>
public sealed class RequestSupplement(AppDbContext db, TimeProvider time, DossierNotifier notifier)
{
    public async Task ExecuteAsync(
        DossierWorkspace w,
        int seenVersion,
        string userId,
        string message,
        DateOnly deadline,
        IReadOnlyList<SupplementItem> items,
        CancellationToken ct = default
    )
    {
        var d = w.Dossier;
        DossierVersionGuard.Expect(db, d, seenVersion);
        DossierSubmission.CheckSupplementRequest(items.Count, deadline, VietnamTime.Today(time));
        var now = time.GetUtcNow();
        d.Apply(DossierState.NeedsSupplement, Actor.Officer, userId, now, message);
        db.SupplementRequests.Add(
            new SupplementRequest
            {
                DossierId = d.Id,
                RequestedAt = now,
                RequestedBy = userId,
                Deadline = deadline,
                Message = message.Trim(),
                Items = items.ToList(),
            }
        );
        await notifier.NotifyEnterpriseAsync(
            d,
            $"Hồ sơ {d.Code} cần bổ sung",
            $"Sở Công Thương đề nghị bổ sung hồ sơ {d.Code} trước ngày {VnFormat.Date(deadline)}: {message}",
            ct: ct
        );
        await db.SaveChangesAsync(ct);
    }
}
