using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>One row of the results: the computed result with the names a person reads.</summary>
public sealed record ResultRow(
    ProductResult Result,
    string? Code,
    string EnterpriseName,
    string TaxCode,
    string ProductName,
    DossierState State
);

public sealed record RoundResultsView(
    Round Round,
    CriteriaSet Rulebook,
    RoundResults Results,
    IReadOnlyList<ResultRow> Rows
)
{
    public IEnumerable<Indicator> Indicators => Rulebook.Indicators;
}

/// <summary>Read queries of the council capability; each runs a fixed number of SQL commands.</summary>
public sealed class CouncilQueries(AppDbContext db)
{
    /// <summary>The round asked for, or the latest published one.</summary>
    public async Task<Round?> RoundAsync(int? roundId, CancellationToken ct) =>
        roundId is { } id
            ? await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            : await db
                .Rounds.AsNoTracking()
                .Where(r => r.Status != RoundStatus.Draft)
                .OrderByDescending(r => r.Year)
                .FirstOrDefaultAsync(ct);

    public Task<SelectionCouncil?> CouncilAsync(int roundId, CancellationToken ct) =>
        db.Councils.Include(c => c.Members).FirstOrDefaultAsync(c => c.RoundId == roundId, ct);

    public Task<CriteriaSet> RulebookAsync(int criteriaSetId, CancellationToken ct) =>
        db
            .CriteriaSets.AsNoTracking()
            .AsSplitQuery()
            .Include(s => s.Groups)
                .ThenInclude(g => g.Indicators)
                    .ThenInclude(i => i.Bands)
            .FirstAsync(s => s.Id == criteriaSetId, ct);

    /// <summary>The pass each dossier is scored in: its latest pass (a second pass replaces the first in the results,
    /// the first stays on record).</summary>
    public static int PassOf(IEnumerable<(int DossierId, int Pass)> sheets, int dossierId) =>
        sheets.Where(s => s.DossierId == dossierId).Select(s => s.Pass).DefaultIfEmpty(1).Max();

    /// <summary>Results of a round over the dossiers the council has (or had), from submitted sheets of each dossier's
    /// latest pass.</summary>
    public async Task<RoundResultsView> ResultsAsync(Round round, CancellationToken ct, bool includeEverySheet = false)
    {
        var rulebook = await RulebookAsync(round.CriteriaSetId, ct);
        var states = CouncilAccess.VisibleToCouncil.ToList();
        var dossiers = await (
            from d in db.Dossiers.AsNoTracking()
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join p in db.Products on d.ProductId equals p.Id
            where d.RoundId == round.Id && states.Contains(d.State)
            select new
            {
                d.Id,
                d.Code,
                d.EnterpriseId,
                d.SubmittedAt,
                d.State,
                e.NameVi,
                e.TaxCode,
                ProductName = p.Name,
                Revenue = d.Figures.OrderByDescending(f => f.Year).Select(f => f.ProductRevenueVnd).FirstOrDefault(),
            }
        ).ToListAsync(ct);
        var ids = dossiers.Select(d => d.Id).ToList();
        var sheets = await db
            .ScoreSheets.AsNoTracking()
            .Where(s => ids.Contains(s.DossierId))
            .Select(s => new
            {
                s.DossierId,
                s.MemberId,
                s.Pass,
                s.Status,
                Scores = s.Scores.Select(x => new { x.IndicatorId, x.PointsHundredths }).ToList(),
            })
            .ToListAsync(ct);
        var passes = sheets.Select(s => (s.DossierId, s.Pass)).ToList();
        var entries = sheets
            .Where(s =>
                (includeEverySheet || s.Status == SheetStatus.Submitted) && s.Pass == PassOf(passes, s.DossierId)
            )
            .SelectMany(s =>
                s.Scores.Select(x => new ScoreEntry(s.DossierId, s.MemberId, x.IndicatorId, x.PointsHundredths))
            )
            .ToList();
        var candidates = dossiers
            .Select(d => new ResultCandidate(d.Id, d.EnterpriseId, d.SubmittedAt, d.Revenue ?? 0))
            .ToList();
        var results = ResultsCalculator.Compute(rulebook.Rules, rulebook.Groups, candidates, entries);
        var byId = dossiers.ToDictionary(d => d.Id);
        var rows = results
            .Products.Select(r =>
            {
                var d = byId[r.DossierId];
                return new ResultRow(r, d.Code, d.NameVi, d.TaxCode, d.ProductName, d.State);
            })
            .ToList();
        return new RoundResultsView(round, rulebook, results, rows);
    }

    /// <summary>Who scores which indicator, by member.</summary>
    public async Task<Dictionary<int, HashSet<int>>> AssignmentsAsync(int councilId, CancellationToken ct) =>
        (
            await db
                .IndicatorAssignments.AsNoTracking()
                .Where(a => a.CouncilId == councilId)
                .Select(a => new { a.MemberId, a.IndicatorId })
                .ToListAsync(ct)
        )
            .GroupBy(a => a.MemberId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.IndicatorId).ToHashSet());
}
