using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Web;
using KeyProducts.Web.Pages.Account.TwoFactor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Account;

/// <summary>The second step of signing in: the code from the authenticator app.</summary>
[AllowAnonymous]
public class LoginWith2faModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mã xác thực.")]
    [StringLength(12, ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    [Display(Name = "Mã 6 chữ số trong ứng dụng")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("/Account/Login");
        if (!ModelState.IsValid)
            return Page();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(
            TwoFactorCode.Clean(Code),
            RememberMe,
            rememberClient: false
        );
        if (result.Succeeded)
            return await SignedInAsync(user, users, ReturnUrl);
        ModelState.AddModelError(
            nameof(Code),
            result.IsLockedOut
                ? l["Nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút."]
                : l["Mã xác thực không đúng."]
        );
        return Page();
    }

    internal static async Task<IActionResult> SignedInAsync(
        ApplicationUser user,
        UserManager<ApplicationUser> users,
        string? returnUrl
    ) =>
        new LocalRedirectResult(
            WebExtensions.IsLocal(returnUrl) ? returnUrl! : Roles.HomeOf(await users.GetRolesAsync(user))
        );
}
