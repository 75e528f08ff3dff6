using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Portal;

/// <summary>An enterprise's own results once the city has decided: per-indicator breakdown when recognized,
/// total and pass mark otherwise. Only the user's own enterprise, only after the decision.</summary>
public class ResultsModel(AppDbContext db, CouncilQueries queries) : PageModel
{
    public sealed record Outcome(
        int Year,
        string? Code,
        string Product,
        DossierState State,
        long Total,
        long PassMark,
        bool Top10,
        DateOnly? ValidTo,
        string? DecisionNumber,
        IReadOnlyList<(Indicator Indicator, long Average)> Breakdown
    );

    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var enterpriseId = await db
            .Users.Where(u => u.Id == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value)
            .Select(u => u.EnterpriseId)
            .FirstOrDefaultAsync(ct);
        if (enterpriseId is null)
            return;
        var dossiers = await db
            .Dossiers.AsNoTracking()
            .Where(d =>
                d.EnterpriseId == enterpriseId
                && (d.State == DossierState.Recognized || d.State == DossierState.NotRecognized)
            )
            .Select(d => new
            {
                d.Id,
                d.RoundId,
                d.State,
            })
            .ToListAsync(ct);
        var outcomes = new List<Outcome>();
        foreach (var roundId in dossiers.Select(d => d.RoundId).Distinct())
        {
            var round = (await queries.RoundAsync(roundId, ct))!;
            var view = await queries.ResultsAsync(round, ct);
            var recognitions = await (
                from r in db.Recognitions.AsNoTracking()
                join dec in db.RecognitionDecisions on r.DecisionId equals dec.Id
                where r.EnterpriseId == enterpriseId && dec.RoundId == roundId
                select new
                {
                    r.DossierId,
                    r.Top10,
                    r.ValidTo,
                    dec.Number,
                }
            ).ToListAsync(ct);
            foreach (var d in dossiers.Where(d => d.RoundId == roundId))
            {
                var row = view.Rows.First(r => r.Result.DossierId == d.Id);
                var rec = recognitions.FirstOrDefault(r => r.DossierId == d.Id);
                var breakdown =
                    d.State == DossierState.Recognized
                        ? view.Indicators.Select(i => (i, row.Result.Indicator(i.Id).AverageHundredths)).ToList()
                        : [];
                outcomes.Add(
                    new Outcome(
                        round.Year,
                        row.Code,
                        row.ProductName,
                        d.State,
                        row.Result.DecisiveTotalHundredths,
                        view.Rulebook.Rules.PassMarkHundredths,
                        rec?.Top10 ?? false,
                        rec?.ValidTo,
                        rec?.Number,
                        breakdown
                    )
                );
            }
        }
        Outcomes = outcomes.OrderByDescending(o => o.Year).ToList();
    }
}
