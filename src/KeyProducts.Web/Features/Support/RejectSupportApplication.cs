using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Support;

/// <summary>The officer rejects the application with a reason.</summary>
public sealed class RejectSupportApplication(AppDbContext db, TimeProvider time, SupportNotifier notifier)
{
    public async Task ExecuteAsync(
        SupportApplication a,
        int seenVersion,
        string userId,
        string reason,
        CancellationToken ct = default
    )
    {
        SupportVersion.Expect(db, a, seenVersion);
        var now = time.GetUtcNow();
        a.Apply(SupportState.Rejected, Actor.Officer, userId, now, reason);
        a.DecidedAt = now;
        await notifier.NotifyEnterpriseAsync(
            a,
            $"Hồ sơ đề nghị hỗ trợ {a.Code} không được hỗ trợ",
            $"Hồ sơ {a.Code} không được phê duyệt hỗ trợ. Lý do: {reason.Trim()}",
            ct
        );
        await db.SaveChangesAsync(ct);
    }
}
