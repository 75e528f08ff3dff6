using System.Security.Cryptography;
using System.Text;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>The owner of an enterprise account invites a colleague by e-mail; the link is valid for 7 days.</summary>
public sealed class InviteColleague(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    MailOutbox mail,
    TimeProvider time
)
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    /// <summary>Returns the token (to build the link), or an error message key.</summary>
    public async Task<(string? Token, string? Error)> RunAsync(
        int enterpriseId,
        string email,
        string baseUrl,
        CancellationToken ct
    )
    {
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return (null, "Email này đã có tài khoản trong hệ thống.");
        var now = time.GetUtcNow();
        if (
            await db.EnterpriseInvitations.AnyAsync(
                i => i.EnterpriseId == enterpriseId && i.Email == email && i.AcceptedAt == null && i.ExpiresAt > now,
                ct
            )
        )
            return (null, "Đã có lời mời còn hiệu lực cho email này.");
        var enterprise = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.NameVi).FirstAsync(ct);
        var token = InvitationToken.New();
        db.EnterpriseInvitations.Add(
            new EnterpriseInvitation
            {
                EnterpriseId = enterpriseId,
                Email = email,
                TokenHash = InvitationToken.Hash(token),
                CreatedAt = now,
                ExpiresAt = now + Validity,
            }
        );
        var link = $"{baseUrl.TrimEnd('/')}/Account/Register/Accept?token={Uri.EscapeDataString(token)}";
        mail.Enqueue(
            email,
            $"Lời mời tham gia tài khoản doanh nghiệp {enterprise}",
            $"Bạn được mời tham gia tài khoản của {enterprise} trên hệ thống Sản phẩm công nghiệp chủ lực Hà Nội.\n"
                + $"Mở liên kết sau trong 7 ngày để tạo tài khoản:\n{link}\n"
        );
        await db.SaveChangesAsync(ct);
        return (token, null);
    }
}
