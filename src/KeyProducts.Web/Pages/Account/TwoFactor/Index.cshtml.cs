using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Pages.Account.TwoFactor;

/// <summary>Two-factor sign-in of the signed-in user: its state, new recovery codes, and turning it off (not allowed
/// for officers and administrators while it is required for them).</summary>
public class IndexModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IOptionsMonitor<SecurityOptions> security,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool MayDisable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        MayDisable = !RequiredForMe();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return RedirectToPage();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        TempData[TwoFactorCode.RecoveryCodesKey] = codes?.ToArray() ?? [];
        return RedirectToPage("/Account/TwoFactor/RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (RequiredForMe())
        {
            TempData["Flash"] = l["Cán bộ và quản trị viên không được tắt xác thực hai lớp."].Value;
            return RedirectToPage();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["Đã tắt xác thực hai lớp."].Value;
        return RedirectToPage();
    }

    private bool RequiredForMe() =>
        security.CurrentValue.RequireTwoFactorForStaff && (User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin));
}
