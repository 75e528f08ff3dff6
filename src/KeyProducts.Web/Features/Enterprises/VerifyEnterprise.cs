using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>An officer verifies a pending enterprise profile; its staff are told by e-mail and in the app.</summary>
public sealed class VerifyEnterprise(AppDbContext db, MailOutbox mail, TimeProvider time)
{
    public async Task<bool> RunAsync(int enterpriseId, CancellationToken ct)
    {
        var e = await db.Enterprises.FirstOrDefaultAsync(x => x.Id == enterpriseId, ct);
        if (e is null)
            return false;
        e.Verify(time.GetUtcNow());
        await EnterpriseNotices.TellStaffAsync(
            db,
            mail,
            e.Id,
            "Hồ sơ doanh nghiệp đã được xác minh",
            $"Hồ sơ của {e.NameVi} đã được Sở Công Thương xác minh. Doanh nghiệp có thể đăng ký tham gia xét chọn.",
            ct
        );
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal static class EnterpriseNotices
{
    public static async Task TellStaffAsync(
        AppDbContext db,
        MailOutbox mail,
        int enterpriseId,
        string subject,
        string text,
        CancellationToken ct
    )
    {
        var staff = await db
            .Users.Where(u => u.EnterpriseId == enterpriseId)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        foreach (var u in staff)
        {
            mail.Enqueue(u.Email ?? "", subject, text);
            mail.Notify(u.Id, subject, "/Portal/Profile");
        }
    }
}
