using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Features.Reference;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Account.Register;

/// <summary>Self-registration of an enterprise: the owner's account and the profile, pending verification.</summary>
public class IndexModel(RegisterEnterprise register, ReferenceLists lists, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
            return LocalRedirect("/Portal");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await register.RunAsync(Input, ct);
            if (result.Errors.Count == 0)
            {
                // The same answer whether the e-mail was new or already had an account (then only a mail goes to it).
                TempData["RegisteredEmail"] = Input.Email.Trim();
                return LocalRedirect("/Account/Register/Done");
            }
            ModelState.AddErrors(result.Errors, nameof(Input), l);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        ViewData["ProfileOptions"] = await ProfileOptions.LoadAsync(lists, ct);
}
