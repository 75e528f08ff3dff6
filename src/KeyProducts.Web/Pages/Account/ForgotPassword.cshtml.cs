using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Account;

public class ForgotPasswordModel(
    UserManager<ApplicationUser> users,
    MailOutbox outbox,
    AppDbContext db,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [MailAddress(ErrorMessage = "Email không hợp lệ.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // The same answer whether or not the account exists, so the page cannot be used to discover accounts.
        if (user?.Email is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));
            var link =
                $"{Request.Scheme}://{Request.Host}/Account/ResetPassword?email={Uri.EscapeDataString(user.Email)}&code={code}";
            outbox.Enqueue(
                user.Email,
                l["Đặt lại mật khẩu — Hệ thống SPCNCL Hà Nội"],
                l[
                    "Xin chào {0},\n\nĐể đặt lại mật khẩu, vui lòng mở liên kết sau (có hiệu lực trong 24 "
                        + "giờ):\n{1}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.",
                    user.DisplayName,
                    link
                ]
            );
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
