using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Public.Events;

/// <summary>Published events still to come, soonest first.</summary>
public class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<OutreachEvent> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Upcoming = await db
            .OutreachEvents.AsNoTracking()
            .Where(e => e.Published && e.EndsAt > now)
            .OrderBy(e => e.StartsAt)
            .Take(100)
            .ToListAsync(ct);
    }
}
