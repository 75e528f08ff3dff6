using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Public.Rounds;

/// <summary>The public call (thông báo xét chọn) of a published round: rules and criteria made public.</summary>
public class YearModel(AppDbContext db, TimeProvider time, Features.Council.CommentNotices notices) : PageModel
{
    public Round Round { get; private set; } = null!;
    public CriteriaSet Rulebook { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public Features.Council.CommentNotice? Comments { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        var round = await db
            .Rounds.AsNoTracking()
            .Include(r => r.Checklist)
            .Include(r => r.Documents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Year == year && r.Status != RoundStatus.Draft, ct);
        if (round is null)
            return NotFound();
        Round = round;
        Rulebook = await db
            .CriteriaSets.AsNoTracking()
            .Include(s => s.Groups)
                .ThenInclude(g => g.Indicators)
            .Include(s => s.Tracks)
            .Include(s => s.Conditions)
            .AsSplitQuery()
            .FirstAsync(s => s.Id == round.CriteriaSetId, ct);
        IsOpen = round.IsOpenForSubmission(time.GetUtcNow());
        Comments = await notices.CurrentAsync(year, ct);
        return Page();
    }
}
