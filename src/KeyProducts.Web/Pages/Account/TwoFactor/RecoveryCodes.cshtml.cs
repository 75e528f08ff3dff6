using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Account.TwoFactor;

/// <summary>Shows new recovery codes once, right after they were made; they are never shown again.</summary>
public class RecoveryCodesModel : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TwoFactorCode.RecoveryCodesKey] is not string[] { Length: > 0 } codes)
            return RedirectToPage("/Account/TwoFactor/Index");
        Codes = codes;
        return Page();
    }
}
