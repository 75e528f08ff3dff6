using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Council;

/// <summary>Downloads a dossier document for a council member, through the same access check as the sheet.</summary>
public class DocumentModel(AppDbContext db, CouncilAccess access, IFileStorage storage, ICurrentUser user) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int dossierId, int documentId, CancellationToken ct)
    {
        if (await access.ForMemberAsync(user.Id, dossierId, ct) is null)
            return NotFound();
        var doc = await db
            .DossierDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.DossierId == dossierId, ct);
        if (doc is null || storage.OpenRead(doc.Sha256) is not { } stream)
            return NotFound();
        return File(
            stream,
            string.IsNullOrEmpty(doc.ContentType) ? "application/octet-stream" : doc.ContentType,
            doc.FileName
        );
    }
}
