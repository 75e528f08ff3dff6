using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Public.Rounds;

public class IndexModel(AppDbContext db) : PageModel
{
    public List<Round> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rounds = await db
            .Rounds.AsNoTracking()
            .Where(r => r.Status != RoundStatus.Draft)
            .OrderByDescending(r => r.Year)
            .ToListAsync(ct);
}
