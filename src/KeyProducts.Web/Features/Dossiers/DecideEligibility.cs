using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>An officer concludes screening: eligible, or ineligible with a reason the enterprise sees.</summary>
public sealed class DecideEligibility(AppDbContext db, TimeProvider time, DossierNotifier notifier)
{
    public async Task ExecuteAsync(
        DossierWorkspace w,
        int seenVersion,
        string userId,
        bool eligible,
        string? reason,
        CancellationToken ct = default
    )
    {
        var d = w.Dossier;
        DossierVersionGuard.Expect(db, d, seenVersion);
        d.Apply(
            eligible ? DossierState.Eligible : DossierState.Ineligible,
            Actor.Officer,
            userId,
            time.GetUtcNow(),
            reason
        );
        await notifier.NotifyEnterpriseAsync(
            d,
            eligible ? $"Hồ sơ {d.Code} đủ điều kiện" : $"Hồ sơ {d.Code} không đủ điều kiện",
            eligible
                ? $"Hồ sơ {d.Code} đủ điều kiện và được chuyển Hội đồng đánh giá, xét chọn."
                : $"Hồ sơ {d.Code} không đủ điều kiện tham gia xét chọn. Lý do: {reason}",
            ct: ct
        );
        await db.SaveChangesAsync(ct);
    }
}
