using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Public.Help;

/// <summary>Hướng dẫn: the procedure step by step, its legal basis, how long each step takes (the current round's
/// dates),
/// whom to call (the round's contact), the blank forms to download, and the status lookup.</summary>
public class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    /// <summary>The round the guide describes: the one taking dossiers, else the latest published.</summary>
    public Round? Round { get; private set; }
    public List<EligibilityTrack> Tracks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>A blank form for the current round (the dossier page offers the same form filled in).</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string? name, int? year, CancellationToken ct)
    {
        if (name is null || !DossierTemplates.Names.Contains(name))
            return NotFound();
        await LoadAsync(ct, year);
        if (year is not null && Round is null)
            return NotFound();
        var formYear = Round?.Year ?? Core.Common.VietnamTime.ToLocal(time.GetUtcNow()).Year;
        var data = new DossierTemplates.Data(
            formYear,
            Round?.Checklist.OrderBy(c => c.SortOrder).ToList() ?? [],
            Tracks
        );
        return File(
            DossierTemplates.Build(name, data),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            DossierTemplates.FileName(name, formYear)
        );
    }

    private async Task LoadAsync(CancellationToken ct, int? year = null)
    {
        Round = await db
            .Rounds.AsNoTracking()
            .Include(r => r.Checklist)
            .Include(r => r.Documents)
            .AsSplitQuery()
            .Where(r => r.Status != RoundStatus.Draft && (year == null || r.Year == year))
            .OrderBy(r => r.Status == RoundStatus.Published ? 0 : 1)
            .ThenByDescending(r => r.Year)
            .FirstOrDefaultAsync(ct);
        if (Round is not null)
            Tracks = await db
                .EligibilityTracks.AsNoTracking()
                .Where(t => t.CriteriaSetId == Round.CriteriaSetId)
                .OrderBy(t => t.SortOrder)
                .ToListAsync(ct);
    }
}
