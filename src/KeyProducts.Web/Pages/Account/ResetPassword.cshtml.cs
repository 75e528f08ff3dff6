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

public class ResetPasswordModel(UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [MailAddress(ErrorMessage = "Email không hợp lệ.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string Password { get; set; } = "";

    [BindProperty]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Mật khẩu nhập lại không khớp.")]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; set; } = "";

    public IActionResult OnGet()
    {
        ModelState.Clear();
        return string.IsNullOrEmpty(Code) ? BadRequest() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        string token;
        try
        {
            token = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
            token = "";
        }
        if (user is null || token.Length == 0)
        {
            ModelState.AddModelError(string.Empty, l["Liên kết đã hết hạn hoặc không hợp lệ."]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(
                    e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : string.Empty,
                    e.Description
                );
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        TempData["Flash"] = l["Đã đặt lại mật khẩu. Vui lòng đăng nhập."].Value;
        return LocalRedirect("/Account/Login");
    }
}
