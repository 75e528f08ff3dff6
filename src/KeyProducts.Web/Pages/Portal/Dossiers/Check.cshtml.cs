using KeyProducts.Core.Common;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal.Dossiers;

/// <summary>"Check your answers": everything the dossier says, then the submit button.</summary>
public class CheckModel(
    DossierAccess access,
    DossierWorkspaceLoader loader,
    SubmitDossier submit,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public DossierWorkspace W { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        try
        {
            await submit.ExecuteAsync(W, access.ViewerUserId(User), ct);
            return RedirectToPage("Submitted", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Localized(l));
            Response.StatusCode = 400;
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        if (!await access.CanEditAsEnterpriseAsync(viewer, id, ct))
            return false;
        W = (await loader.LoadAsync(id, ct))!;
        return true;
    }
}
