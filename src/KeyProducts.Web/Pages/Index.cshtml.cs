using KeyProducts.Core.Program;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages;

public class IndexModel(AppDbContext db, Features.Council.CommentNotices notices, Features.Program.KpiCache cache)
    : PageModel
{
    public Round? OpenRound { get; private set; }
    public Features.Council.CommentNotice? Comments { get; private set; }
    public IReadOnlyList<Phase> Phases { get; private set; } = [];
    public int RecognizedCount { get; private set; }
    public int EnterpriseCount { get; private set; }
    public int RoundCount { get; private set; }
    public int Top10Count { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        OpenRound = await db
            .Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Published)
            .OrderByDescending(r => r.Year)
            .FirstOrDefaultAsync(ct);
        Comments = await notices.CurrentAsync(null, ct);
        Phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartYear).ToListAsync(ct);
        // The counters read every recognition: kept in the KPI cache until a recognition or a round changes.
        var counters = await cache.GetAsync(
            "home-counters",
            async c => new Counters(
                await db.Recognitions.CountAsync(c),
                await db.Recognitions.CountAsync(r => r.Top10, c),
                await db.Recognitions.Select(r => r.EnterpriseId).Distinct().CountAsync(c),
                await db.Rounds.CountAsync(r => r.Status != RoundStatus.Draft, c)
            ),
            ct
        );
        (RecognizedCount, Top10Count, EnterpriseCount, RoundCount) = counters;
    }

    private sealed record Counters(int Recognized, int Top10, int Enterprises, int Rounds);
}
