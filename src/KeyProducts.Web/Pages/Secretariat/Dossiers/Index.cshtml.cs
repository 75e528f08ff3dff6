using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Dossiers;

/// <summary>The screening queue with filters, and the Excel export of a round.</summary>
public class IndexModel(
    AppDbContext db,
    DossierAccess access,
    DossierQueries queries,
    DossierExport export,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? RoundId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Track { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? SectorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DossierState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MinAgeDays { get; set; }

    public IReadOnlyList<DossierRow> Rows { get; private set; } = [];
    public List<Round> Rounds { get; private set; } = [];
    public List<(int Id, string Name)> Sectors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
        RoundId ??= Rounds.FirstOrDefault(r => r.Status == RoundStatus.Published)?.Id ?? Rounds.FirstOrDefault()?.Id;
        Sectors = (
            await db
                .Sectors.AsNoTracking()
                .OrderBy(s => s.SortOrder)
                .Select(s => new { s.Id, s.NameVi })
                .ToListAsync(ct)
        )
            .Select(s => (s.Id, s.NameVi))
            .ToList();
        var viewer = await access.ViewerAsync(User, ct);
        Rows = (await queries.ListAsync(viewer, new QueueFilter(RoundId, Track, SectorId, State, MinAgeDays), ct))
            .Where(r => State is not null || r.State != DossierState.Draft)
            .ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(int roundId, CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        var year = await db.Rounds.Where(r => r.Id == roundId).Select(r => (int?)r.Year).FirstOrDefaultAsync(ct);
        if (year is null)
            return NotFound();
        var bytes = await export.ExecuteAsync(viewer, roundId, s => l[s], ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ho-so-{year}.xlsx");
    }
}
