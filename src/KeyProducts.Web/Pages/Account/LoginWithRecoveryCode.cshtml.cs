using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Pages.Account.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Account;

/// <summary>The second step of signing in with a one-time recovery code instead of the phone.</summary>
[AllowAnonymous]
public class LoginWithRecoveryCodeModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mã khôi phục.")]
    [StringLength(40, ErrorMessage = "Mã khôi phục không đúng.")]
    [Display(Name = "Mã khôi phục")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid)
            return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorCode.CleanRecovery(Code));
        if (result.Succeeded)
            return await LoginWith2faModel.SignedInAsync(user, users, ReturnUrl);
        ModelState.AddModelError(
            nameof(Code),
            result.IsLockedOut
                ? l["Nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."]
                : l["Mã khôi phục không đúng hoặc đã được dùng."]
        );
        return Page();
    }
}
