using KeyProducts.Web.Features.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Portal.Dossiers;

public class SubmittedModel(DossierAccess access, DossierWorkspaceLoader loader) : PageModel
{
    public DossierWorkspace W { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        if (!await access.CanEditAsEnterpriseAsync(viewer, id, ct))
            return NotFound();
        W = (await loader.LoadAsync(id, ct))!;
        return W.Dossier.Code is null ? RedirectToPage("Edit", new { id }) : Page();
    }
}
