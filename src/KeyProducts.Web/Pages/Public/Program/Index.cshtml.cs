using KeyProducts.Web.Features.Program;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Public.Program;

/// <summary>Public summary of the program's progress: counts only, no enterprise figures.</summary>
public class IndexModel(KpiQueries queries) : PageModel
{
    public KpiDashboard Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await queries.LoadAsync(new KpiFilter(), ct);
}
