using System.ComponentModel.DataAnnotations;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Pages.Account.TwoFactor;

/// <summary>Turns on two-factor sign-in: the user scans the key into an authenticator app and proves it with a code,
/// then receives ten recovery codes. Officers and administrators are sent here first when it is required.</summary>
public class SetupModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IOptionsMonitor<SecurityOptions> security,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vui lòng nhập mã xác thực.")]
    [StringLength(12, ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    [Display(Name = "Mã 6 chữ số trong ứng dụng")]
    public string Code { get; set; } = "";

    public string Key { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public bool RequiredForMe { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (user.TwoFactorEnabled)
            return RedirectToPage("/Account/TwoFactor/Index");
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (user.TwoFactorEnabled)
            return RedirectToPage("/Account/TwoFactor/Index");
        var valid =
            ModelState.IsValid
            && await users.VerifyTwoFactorTokenAsync(
                user,
                users.Options.Tokens.AuthenticatorTokenProvider,
                TwoFactorCode.Clean(Code)
            );
        if (!valid)
        {
            if (ModelState.IsValid)
                ModelState.AddModelError(
                    nameof(Code),
                    l["Mã xác thực không đúng. Kiểm tra giờ trên điện thoại rồi nhập mã đang hiện."]
                );
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        TempData[TwoFactorCode.RecoveryCodesKey] = codes?.ToArray() ?? [];
        TempData["Flash"] = l["Đã bật xác thực hai lớp."].Value;
        return RedirectToPage("/Account/TwoFactor/RecoveryCodes");
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp: keep this session signed in.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = AuthenticatorQr.Readable(key);
        QrSvg = AuthenticatorQr.Svg(
            AuthenticatorQr.Uri(user.Email ?? user.UserName ?? "", key),
            l["Mã QR để thêm tài khoản vào ứng dụng xác thực"]
        );
        RequiredForMe =
            security.CurrentValue.RequireTwoFactorForStaff
            && (User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin));
    }
}
