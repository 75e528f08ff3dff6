using KeyProducts.Core.Program;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages;

public class IndexModel(AppDbContext db, Features.Council.CommentNotices notices) : PageModel
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
        RecognizedCount = await db.Recognitions.CountAsync(ct);
        Top10Count = await db.Recognitions.CountAsync(r => r.Top10, ct);
        EnterpriseCount = await db.Recognitions.Select(r => r.EnterpriseId).Distinct().CountAsync(ct);
        RoundCount = await db.Rounds.CountAsync(r => r.Status != RoundStatus.Draft, ct);
    }
}
