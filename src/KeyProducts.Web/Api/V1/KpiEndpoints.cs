using KeyProducts.Core.Program;
using KeyProducts.Web.Features.Program;

namespace KeyProducts.Web.Api.V1;

/// <summary>GET /api/v1/kpis: the program's aggregates only (no enterprise, product or report is named).
/// Each value carries its origin (computed | reported | historical | mixed | missing) and is null when
/// missing.</summary>
public static class KpiEndpoints
{
    public sealed record FigureDto(decimal? Value, string Origin, bool Estimate);

    public sealed record TargetDto(
        string Code,
        string Indicator,
        string Basis,
        string Unit,
        int FromYear,
        int ToYear,
        decimal? Min,
        decimal? Max,
        bool MinExclusive,
        FigureDto Actual,
        decimal? PercentOfTarget,
        string Status,
        string Source
    );

    public sealed record PhaseDto(
        int Id,
        string Name,
        int StartYear,
        int EndYear,
        string LegalBasis,
        FigureDto Products,
        FigureDto Enterprises,
        decimal? ProductTargetMin,
        decimal? ProductTargetMax,
        decimal? PercentOfProductTarget,
        IReadOnlyList<TargetDto> Targets
    );

    public sealed record YearDto(
        int Year,
        FigureDto Products,
        FigureDto Enterprises,
        FigureDto Top10,
        FigureDto CumulativeProducts,
        decimal? CumulativeTarget
    );

    public sealed record KpisDto(
        int CurrentYear,
        int CumulativeFromYear,
        IReadOnlyList<PhaseDto> Phases,
        IReadOnlyList<YearDto> Years
    );

    public static FigureDto Figure(YearFigure f) => new(f.Value, f.Origin.ToString().ToLowerInvariant(), f.IsEstimate);

    public static async Task<KpisDto> GetKpis(KpiQueries queries, CancellationToken ct)
    {
        var d = await queries.LoadAsync(new KpiFilter(), ct);
        var p = d.Progress;
        var phases = d
            .Phases.Select(ph =>
            {
                var summary = d.PhaseSummaries.FirstOrDefault(s => s.Phase.Id == ph.Id);
                var products = p.SumCount(KpiIndicator.RecognizedProducts, ph.StartYear, ph.EndYear);
                var enterprises = p.SumCount(KpiIndicator.RecognizedEnterprises, ph.StartYear, ph.EndYear);
                var target = p.ProductTarget(ph);
                var targets = p
                    .Input.Targets.Where(t => t.PhaseId == ph.Id)
                    .Select(p.Evaluate)
                    .Select(t => new TargetDto(
                        t.Target.Code,
                        t.Target.Indicator.ToString(),
                        t.Target.Basis.ToString(),
                        t.Target.Unit.ToString(),
                        t.FromYear,
                        t.ToYear,
                        t.Target.Min,
                        t.Target.Max,
                        t.Target.MinExclusive,
                        Figure(t.Actual),
                        t.Percent,
                        t.Status.ToString(),
                        t.Target.Source
                    ))
                    .ToList();
                return new PhaseDto(
                    ph.Id,
                    ph.Name,
                    ph.StartYear,
                    ph.EndYear,
                    ph.LegalBasis,
                    Figure(products),
                    Figure(enterprises),
                    target?.Min,
                    target?.Max,
                    summary?.Percent ?? KpiMath.PercentOfTarget(products.Value, target?.Min, target?.Max),
                    targets
                );
            })
            .ToList();
        var chain = d.Phases.FirstOrDefault(ph => ph.Contains(d.CurrentYear)) is { } current
            ? p.ChainStart(current)
            : d.CurrentYear;
        var years = p.Cumulative(chain, d.CurrentYear)
            .Select(c => new YearDto(
                c.Year,
                Figure(c.Yearly),
                Figure(p.Count(KpiIndicator.RecognizedEnterprises, c.Year)),
                Figure(p.Count(KpiIndicator.Top10Products, c.Year)),
                Figure(c.Cumulative),
                c.TargetLine
            ))
            .ToList();
        return new KpisDto(d.CurrentYear, chain, phases, years);
    }

    public static void MapKpis(this RouteGroupBuilder api) =>
        api.MapGet("/kpis", GetKpis)
            .AllowAnonymous()
            .WithSummary("Program KPIs: per phase and per year, aggregates only, each with its origin.")
            .WithDescription(
                "Counts of recognized products and enterprises per year and per phase, cumulative "
                    + "products with the target line, and every target with its achieved value and percentage. A value "
                    + "is null when there is no data (never 0); origin tells whether it was computed from recognition "
                    + "records, summed from annual reports, or taken from a published (historical) measurement."
            );
}
