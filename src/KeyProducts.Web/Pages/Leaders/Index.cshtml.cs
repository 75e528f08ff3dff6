using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Leaders;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record YearRow(int Year, int Products, int Enterprises, int Top10);

    public IReadOnlyList<YearRow> ByYear { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        ByYear = await db.Recognitions.AsNoTracking().GroupBy(r => r.Year).OrderByDescending(g => g.Key)
            .Select(g => new YearRow(g.Key, g.Count(), g.Select(r => r.EnterpriseId).Distinct().Count(), g.Count(r => r.Top10)))
            .ToListAsync(ct);
}
