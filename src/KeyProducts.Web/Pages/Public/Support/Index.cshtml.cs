using KeyProducts.Core.Common;
using KeyProducts.Web.Features.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Public.Support;

/// <summary>The published calls of the city's support programs: open ones first, then upcoming and past ones.</summary>
public class IndexModel(SupportQueries queries, TimeProvider time) : PageModel
{
    public IReadOnlyList<SupportCallRow> Open { get; private set; } = [];
    public IReadOnlyList<SupportCallRow> Upcoming { get; private set; } = [];
    public IReadOnlyList<SupportCallRow> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var all = await queries.PublishedCallsAsync(ct);
        Open = all.Where(c => c.OpensOn <= today && today <= c.ClosesOn).OrderBy(c => c.ClosesOn).ToList();
        Upcoming = all.Where(c => c.OpensOn > today).OrderBy(c => c.OpensOn).ToList();
        Closed = all.Where(c => c.ClosesOn < today).OrderByDescending(c => c.ClosesOn).Take(20).ToList();
    }
}
