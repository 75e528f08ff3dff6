using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Infrastructure.Security;
using KeyProducts.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Pages.Account;

public class LoginModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    SignInThrottle throttle,
    IOptionsMonitor<SecurityOptions> security,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập email.")]
        [MailAddress(ErrorMessage = "Email không hợp lệ.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu")]
        public string Password { get; set; } = "";

        [Display(Name = "Ghi nhớ đăng nhập")]
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    /// <summary>An unknown e-mail, a wrong password, a client held back after repeated failures and a locked account
    /// all
    /// get the same message after the same hashing work, so the form tells nothing about which accounts
    /// exist.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null || throttle.IsBlocked(HttpContext, email))
        {
            SignInThrottle.SpendHashTime(users.PasswordHasher, Input.Password);
            throttle.Failed(HttpContext, email);
            return Refused();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            throttle.Succeeded(HttpContext, email);
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = Local(ReturnUrl), Input.RememberMe });
        }
        if (!result.Succeeded)
        {
            if (result.IsLockedOut)
                SignInThrottle.SpendHashTime(users.PasswordHasher, Input.Password);
            throttle.Failed(HttpContext, email);
            return Refused();
        }
        throttle.Succeeded(HttpContext, email);
        if (Local(ReturnUrl) is { } back)
            return LocalRedirect(back);
        return LocalRedirect(Roles.HomeOf(await users.GetRolesAsync(user)));
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(
            string.Empty,
            l[
                "Không đăng nhập được: email hoặc mật khẩu không đúng, hoặc đã nhập sai quá nhiều lần (khi đó vui "
                    + "lòng thử lại sau {0} phút).",
                security.CurrentValue.ClientLockoutMinutes
            ]
        );
        return Page();
    }

    private static string? Local(string? url) => WebExtensions.IsLocal(url) ? url : null;
}
