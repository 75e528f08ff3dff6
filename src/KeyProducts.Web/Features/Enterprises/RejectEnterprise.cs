using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>An officer rejects a pending profile with a reason the enterprise sees and can correct.</summary>
public sealed class RejectEnterprise(AppDbContext db, MailOutbox mail)
{
    public async Task<bool> RunAsync(int enterpriseId, string reason, CancellationToken ct)
    {
        var e = await db.Enterprises.FirstOrDefaultAsync(x => x.Id == enterpriseId, ct);
        if (e is null)
            return false;
        e.Reject(reason);
        await EnterpriseNotices.TellStaffAsync(
            db,
            mail,
            e.Id,
            "Hồ sơ doanh nghiệp cần bổ sung, chỉnh sửa",
            $"Hồ sơ của {e.NameVi} chưa được xác minh. Lý do: {e.RejectionReason}\nVui lòng chỉnh sửa và gửi lại.",
            ct
        );
        await db.SaveChangesAsync(ct);
        return true;
    }
}
