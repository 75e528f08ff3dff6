using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Public.Enterprises;

[OutputCache(PolicyName = DirectoryCache.Policy)]
public class DetailModel(DirectoryQueries queries, AppDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public string TaxCode { get; private set; } = "";
    public string? Website { get; private set; }
    public IReadOnlyList<DirectoryItem> Products { get; private set; } = [];

    /// <summary>Only enterprises with at least one recognized product have a public page.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Products = await queries.ByEnterpriseAsync(id, ct);
        if (Products.Count == 0)
            return NotFound();
        var e = await db
            .Enterprises.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new
            {
                x.NameVi,
                x.TaxCode,
                x.Website,
            })
            .FirstAsync(ct);
        (Name, TaxCode, Website) = (e.NameVi, e.TaxCode, e.Website);
        return Page();
    }
}
