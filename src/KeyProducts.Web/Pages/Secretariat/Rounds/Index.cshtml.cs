using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat.Rounds;

public class IndexModel(AppDbContext db) : PageModel
{
    public List<Round> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
}
