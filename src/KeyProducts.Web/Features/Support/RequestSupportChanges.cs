using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Support;

/// <summary>The officer sends the application back to the enterprise with what to change.</summary>
public sealed class RequestSupportChanges(AppDbContext db, TimeProvider time, SupportNotifier notifier)
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
        a.Apply(SupportState.ChangesRequested, Actor.Officer, userId, time.GetUtcNow(), reason);
        await notifier.NotifyEnterpriseAsync(
            a,
            $"Hồ sơ đề nghị hỗ trợ {a.Code} cần chỉnh sửa",
            $"Cơ quan quản lý đề nghị doanh nghiệp chỉnh sửa hồ sơ {a.Code}: {reason.Trim()}",
            ct
        );
        await db.SaveChangesAsync(ct);
    }
}
