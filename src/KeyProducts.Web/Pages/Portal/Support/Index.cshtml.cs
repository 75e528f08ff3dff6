using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal.Support;

/// <summary>The enterprise's support: open calls to apply to and its support history.</summary>
public class IndexModel(
    AppDbContext db,
    DossierAccess access,
    SupportQueries queries,
    StartSupportApplication start,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty]
    public int CallId { get; set; }

    public IReadOnlyList<SupportCallRow> OpenCalls { get; private set; } = [];
    public IReadOnlyList<SupportRow> History { get; private set; } = [];
    public bool Verified { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        try
        {
            var a = await start.ExecuteAsync(viewer, CallId, ct);
            return RedirectToPage("Edit", new { id = a.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Localized(l));
            await LoadAsync(ct);
            Response.StatusCode = 400;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        OpenCalls = await queries.OpenCallsAsync(VietnamTime.Today(time), ct);
        if (viewer.EnterpriseId is not { } e)
            return;
        Verified = await db.Enterprises.AnyAsync(x => x.Id == e && x.Status == EnterpriseStatus.Verified, ct);
        History = await queries.ListAsync(viewer, new SupportFilter(EnterpriseId: e), ct);
    }
}
