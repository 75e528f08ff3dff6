using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KeyProducts.Web.Pages.Public.Products;

[OutputCache(PolicyName = DirectoryCache.Policy)]
public class DetailModel(DirectoryQueries queries) : PageModel
{
    public DirectoryItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await queries.ProductAsync(id, ct);
        if (item is null)
            return NotFound();
        Item = item;
        return Page();
    }
}
