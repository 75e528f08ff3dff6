using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Features.Reference;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal;

/// <summary>The enterprise corrects its profile and, when it was rejected, sends it again for verification.</summary>
public class ProfileModel(
    EnterpriseAccess access,
    UpdateEnterpriseProfile update,
    ReferenceLists lists,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty]
    public EnterpriseProfileInput Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }
    public Enterprise Enterprise { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
            return NotFound();
        Input = EnterpriseProfileInput.From(Enterprise);
        Version = Enterprise.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool resubmit, CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
            return NotFound();
        Input.TaxCode = Enterprise.TaxCode;
        ModelState.Remove("Input.TaxCode");
        if (ModelState.IsValid)
        {
            var errors = await update.RunAsync(Enterprise, Input, Version, resubmit, ct);
            if (errors.Count == 0)
            {
                TempData["Flash"] = (
                    resubmit ? l["Đã gửi lại hồ sơ để Sở Công Thương xác minh."] : l["Đã lưu hồ sơ doanh nghiệp."]
                ).Value;
                return RedirectToPage("/Portal/Index");
            }
            ModelState.AddErrors(errors, nameof(Input), l);
        }
        return Page();
    }

    private async Task<Enterprise?> LoadAsync(CancellationToken ct)
    {
        if (
            await access.OwnEnterpriseIdAsync(User, ct) is not { } id
            || await access.FindEnterpriseAsync(User, id, ct) is not { } e
        )
            return null;
        Enterprise = e;
        ViewData["ProfileOptions"] = await ProfileOptions.LoadAsync(lists, ct);
        ViewData["TaxReadOnly"] = true;
        return e;
    }
}
