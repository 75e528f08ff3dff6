namespace KeyProducts.Core.Program;

/// <summary>Where a figure comes from. The dashboard labels every figure with it.</summary>
/// <summary>Computed: counted from recognition records; Reported: summed from accepted annual reports;
/// Historical: a published measurement (program.md §6); Missing: no figure ("chưa có số liệu");
/// Mixed: a sum over years of which some are computed and some historical.</summary>
public enum FigureOrigin
{
    Computed,
    Historical,
    Missing,
    Reported,
    Mixed,
}

/// <summary>A figure of one year: its value (null when there is none) and where it comes from.</summary>
public sealed record YearFigure(
    int Year,
    decimal? Value,
    FigureOrigin Origin,
    int? MeasurementId = null,
    bool IsEstimate = false
)
{
    public static YearFigure Missing(int year) => new(year, null, FigureOrigin.Missing);
}

public enum TargetStatus
{
    NoData,
    Below,
    Within,
    Above,
    Reached,
}

/// <summary>The program's KPI arithmetic (docs/decisions/0010): which figure counts for a year, sums over a phase,
/// achievement against a target, shares with a city denominator. Never returns NaN: no data is null.</summary>
public static class KpiMath
{
    /// <summary>A published yearly figure (measurement) wins over records for that year: years before the system ran
    /// have partial records, and the city's decision count is authoritative. Years run in the system have no
    /// measurement, so their figure is computed from records. A year with neither is missing, unless a round of that
    /// year exists in the system (then zero records is a real zero).</summary>
    public static YearFigure Resolve(int year, int? computed, bool yearRunInSystem, Measurement? historical) =>
        historical is not null
            ? new YearFigure(year, historical.Value, FigureOrigin.Historical, historical.Id, historical.IsEstimate)
        : computed is > 0 || yearRunInSystem ? new YearFigure(year, computed ?? 0, FigureOrigin.Computed)
        : YearFigure.Missing(year);

    /// <summary>Sum over years; null when no year has a figure. The origin is the figures' common origin, else
    /// Mixed.</summary>
    public static YearFigure Sum(int lastYear, IEnumerable<YearFigure> figures)
    {
        var list = figures.Where(f => f.Value is not null).ToList();
        if (list.Count == 0)
            return YearFigure.Missing(lastYear);
        var origins = list.Select(f => f.Origin).Distinct().ToList();
        var origin = origins.Count == 1 ? origins[0] : FigureOrigin.Mixed;
        return new YearFigure(lastYear, list.Sum(f => f.Value!.Value), origin, null, list.Any(f => f.IsEstimate));
    }

    /// <summary>Percent of the target's lower bound (or of its only bound), 2 decimals; null without data or
    /// target.</summary>
    public static decimal? PercentOfTarget(decimal? actual, decimal? min, decimal? max)
    {
        var reference = min ?? max;
        if (actual is null || reference is null or 0)
            return null;
        return Math.Round(actual.Value * 100m / reference.Value, 2, MidpointRounding.AwayFromZero);
    }

    public static TargetStatus Status(decimal? actual, decimal? min, decimal? max, bool minExclusive)
    {
        if (actual is null)
            return TargetStatus.NoData;
        if (min is not null && (minExclusive ? actual <= min : actual < min))
            return TargetStatus.Below;
        if (max is not null && actual > max)
            return min is null ? TargetStatus.Below : TargetStatus.Above;
        return min is not null && max is not null ? TargetStatus.Within : TargetStatus.Reached;
    }

    /// <summary>Share in percent of a city total; null (shown "chưa có số liệu") when either side is missing or the
    /// denominator is 0.</summary>
    public static decimal? SharePercent(decimal? part, decimal? cityTotal)
    {
        if (part is null || cityTotal is null or <= 0)
            return null;
        return Math.Round(part.Value * 100m / cityTotal.Value, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Growth in percent between two figures; only of the same basis, else null.</summary>
    public static decimal? GrowthPercent(
        decimal? current,
        FigureBasis currentBasis,
        decimal? previous,
        FigureBasis previousBasis
    )
    {
        if (current is null || previous is null or <= 0 || currentBasis != previousBasis)
            return null;
        return Math.Round((current.Value - previous.Value) * 100m / previous.Value, 2, MidpointRounding.AwayFromZero);
    }

    public static string RangeText(decimal? min, decimal? max, bool minExclusive)
    {
        static string F(decimal v) => KpiFormat.Number(v);
        return (min, max) switch
        {
            ({ } a, { } b) when a == b => F(a),
            ({ } a, { } b) => $"{F(a)}–{F(b)}",
            ({ } a, null) => minExclusive ? $"> {F(a)}" : $"≥ {F(a)}",
            (null, { } b) => $"≤ {F(b)}",
            _ => "—",
        };
    }
}
