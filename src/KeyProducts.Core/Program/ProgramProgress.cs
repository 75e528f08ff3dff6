namespace KeyProducts.Core.Program;

/// <summary>Recognitions held in the system for one year: products, distinct enterprises, Top 10.</summary>
public sealed record RecordYear(int Year, int Products, int Enterprises, int Top10);

/// <summary>Sums of the accepted annual reports describing one year (VND in đồng, USD in cents).</summary>
public sealed record ReportYear(
    int Year,
    int Reports,
    long ProductRevenueVnd,
    long EnterpriseRevenueVnd,
    long ProductProductionValueVnd,
    long EnterpriseProductionValueVnd,
    long ProductExportUsdCents,
    long EnterpriseExportUsdCents,
    int EnterprisesAbove1000Billion
);

/// <summary>Everything the KPI arithmetic needs, loaded by a constant number of queries.</summary>
public sealed class KpiInputs
{
    public IReadOnlyList<Phase> Phases { get; init; } = [];
    public IReadOnlyList<ProgramTarget> Targets { get; init; } = [];
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];
    public IReadOnlyDictionary<int, RecordYear> Records { get; init; } = new Dictionary<int, RecordYear>();

    /// <summary>Years whose round is run in the system: zero records there is a real zero.</summary>
    public IReadOnlySet<int> YearsRunInSystem { get; init; } = new HashSet<int>();
    public IReadOnlyDictionary<int, ReportYear> Reports { get; init; } = new Dictionary<int, ReportYear>();

    /// <summary>Enterprise-times supported per year, from the support programs (hook; empty until they
    /// exist).</summary>
    public IReadOnlyDictionary<int, int> SupportedByYear { get; init; } = new Dictionary<int, int>();

    /// <summary>Outreach events held per year, from the outreach records; a year present with 0 is a real
    /// zero.</summary>
    public IReadOnlyDictionary<int, int> OutreachEventsByYear { get; init; } = new Dictionary<int, int>();

    /// <summary>Distinct enterprises recognized within each phase (by phase id), from records.</summary>
    public IReadOnlyDictionary<int, int> DistinctEnterprisesByPhase { get; init; } = new Dictionary<int, int>();
    public int CurrentYear { get; init; }

    /// <summary>When set (e.g. a sector filter), published measurements are ignored for counts.</summary>
    public bool RecordsOnly { get; init; }
}

/// <summary>A target and where the program stands: the actual figure over the target's span, % of the target.
/// <see cref="Note"/> is a Vietnamese template whose {0} is the actual figure's year.</summary>
public sealed record TargetProgress(
    ProgramTarget Target,
    YearFigure Actual,
    int FromYear,
    int ToYear,
    decimal? Percent,
    TargetStatus Status,
    string? Note
);

/// <summary>One point of the cumulative products chart: the year's figure, the running total, the target
/// line.</summary>
public sealed record CumulativePoint(
    int Year,
    YearFigure Yearly,
    YearFigure Cumulative,
    decimal? TargetLine,
    int RecordsHeld
);

/// <summary>A published cumulative figure checked against the sum of the yearly figures (program.md §6).</summary>
public sealed record ConsistencyCheck(Measurement Published, YearFigure SumOfYears)
{
    public bool Holds => SumOfYears.Value == Published.Value;
}

/// <summary>The program's progress, computed from records, reports and published measurements
/// (rule in docs/decisions/0010): for each indicator and year a published measurement wins over records,
/// else the records count, else the figure is missing.</summary>
public sealed class ProgramProgress(KpiInputs input)
{
    public KpiInputs Input => input;

    private readonly Dictionary<(KpiIndicator, int), List<Measurement>> _yearly = input
        .Measurements.Where(m => m.FromYear is null)
        .GroupBy(m =>
            (m.Indicator, m.ReferenceYear is not null && IsAmount(m.Indicator) ? m.ReferenceYear.Value : m.Year)
        )
        .ToDictionary(g => g.Key, g => g.ToList());

    public static bool IsCount(KpiIndicator i) =>
        i
            is KpiIndicator.RecognizedProducts
                or KpiIndicator.RecognizedEnterprises
                or KpiIndicator.Top10Products
                or KpiIndicator.EnterpriseTimesSupported
                or KpiIndicator.EnterprisesAbove1000Billion
                or KpiIndicator.EnterprisesInVnr500
                or KpiIndicator.OutreachEvents;

    public static bool IsAmount(KpiIndicator i) =>
        i
            is KpiIndicator.Revenue
                or KpiIndicator.ProductionValue
                or KpiIndicator.Export
                or KpiIndicator.CityIndustrialOutput
                or KpiIndicator.CityExport;

    /// <summary>Counts that add up over years (a phase's total is the sum of its years).</summary>
    public static bool IsAdditive(KpiIndicator i) =>
        i
            is KpiIndicator.RecognizedProducts
                or KpiIndicator.RecognizedEnterprises
                or KpiIndicator.Top10Products
                or KpiIndicator.EnterpriseTimesSupported
                or KpiIndicator.OutreachEvents;

    public Measurement? Published(KpiIndicator indicator, int year, FigureBasis? basis = null)
    {
        if (!_yearly.TryGetValue((indicator, year), out var list))
            return null;
        return basis is null ? list.OrderBy(m => m.Basis).First() : list.FirstOrDefault(m => m.Basis == basis);
    }

    /// <summary>A count for one year (recognized products, enterprises, Top 10, support, large enterprises).</summary>
    public YearFigure Count(KpiIndicator indicator, int year)
    {
        var published = input.RecordsOnly ? null : Published(indicator, year);
        input.Records.TryGetValue(year, out var rec);
        input.Reports.TryGetValue(year, out var rep);
        return indicator switch
        {
            KpiIndicator.RecognizedProducts => KpiMath.Resolve(year, rec?.Products, Ran(year), published),
            KpiIndicator.RecognizedEnterprises => KpiMath.Resolve(year, rec?.Enterprises, Ran(year), published),
            KpiIndicator.Top10Products => KpiMath.Resolve(year, rec?.Top10, Ran(year), published),
            KpiIndicator.EnterpriseTimesSupported => KpiMath.Resolve(
                year,
                input.SupportedByYear.TryGetValue(year, out var s) ? s : null,
                input.SupportedByYear.ContainsKey(year),
                published
            ),
            KpiIndicator.OutreachEvents => KpiMath.Resolve(
                year,
                input.OutreachEventsByYear.TryGetValue(year, out var o) ? o : null,
                input.OutreachEventsByYear.ContainsKey(year),
                published
            ),
            KpiIndicator.EnterprisesAbove1000Billion => published is not null || rep is null
                ? KpiMath.Resolve(year, null, false, published)
                : new YearFigure(year, rep.EnterprisesAbove1000Billion, FigureOrigin.Reported),
            _ => KpiMath.Resolve(year, null, false, published),
        };
    }

    private bool Ran(int year) => input.YearsRunInSystem.Contains(year);

    /// <summary>Recognitions the system holds for a year, whatever figure is shown (for the reconciliation
    /// column).</summary>
    public int RecordsHeld(int year) => input.Records.TryGetValue(year, out var r) ? r.Products : 0;

    /// <summary>Sum of a count over years; for a span with every year computed, enterprises are counted once.</summary>
    public YearFigure SumCount(KpiIndicator indicator, int from, int to)
    {
        var last = Math.Min(to, input.CurrentYear);
        if (last < from)
            return YearFigure.Missing(to);
        var figures = Enumerable.Range(from, last - from + 1).Select(y => Count(indicator, y)).ToList();
        var sum = KpiMath.Sum(last, figures);
        if (
            indicator == KpiIndicator.RecognizedEnterprises
            && sum.Origin == FigureOrigin.Computed
            && input.Phases.FirstOrDefault(p => p.StartYear == from && p.EndYear == to) is { } phase
            && input.DistinctEnterprisesByPhase.TryGetValue(phase.Id, out var distinct)
        )
            return sum with { Value = distinct };
        return sum;
    }

    /// <summary>Revenue, production value or export of one year on one basis (billion VND or million USD).
    /// A published figure wins; else the accepted annual reports of that year; else missing.</summary>
    public YearFigure Amount(KpiIndicator indicator, FigureBasis basis, int year)
    {
        if (Published(indicator, year, basis) is { } m)
            return new YearFigure(year, m.Value, FigureOrigin.Historical, m.Id, m.IsEstimate);
        if (basis == FigureBasis.City || !input.Reports.TryGetValue(year, out var r) || r.Reports == 0)
            return YearFigure.Missing(year);
        var products = basis == FigureBasis.Products;
        decimal? value = indicator switch
        {
            KpiIndicator.Revenue => Billions(products ? r.ProductRevenueVnd : r.EnterpriseRevenueVnd),
            KpiIndicator.ProductionValue => Billions(
                products ? r.ProductProductionValueVnd : r.EnterpriseProductionValueVnd
            ),
            KpiIndicator.Export => MillionsUsd(products ? r.ProductExportUsdCents : r.EnterpriseExportUsdCents),
            _ => null,
        };
        return value is null ? YearFigure.Missing(year) : new YearFigure(year, value, FigureOrigin.Reported);
    }

    public static decimal Billions(long vnd) => Math.Round(vnd / 1_000_000_000m, 2, MidpointRounding.AwayFromZero);

    public static decimal MillionsUsd(long cents) => Math.Round(cents / 100_000_000m, 2, MidpointRounding.AwayFromZero);

    /// <summary>Share of the city's industrial output or exports in one year; missing when either side is.</summary>
    public YearFigure Share(KpiIndicator share, FigureBasis basis, int year)
    {
        if (!input.RecordsOnly && Published(share, year, basis) is { } m)
            return new YearFigure(year, m.Value, FigureOrigin.Historical, m.Id, m.IsEstimate);
        var (part, whole) =
            share == KpiIndicator.ExportShare
                ? (KpiIndicator.Export, KpiIndicator.CityExport)
                : (KpiIndicator.ProductionValue, KpiIndicator.CityIndustrialOutput);
        var numerator = Amount(part, basis, year);
        var denominator = Amount(whole, FigureBasis.City, year);
        var value = KpiMath.SharePercent(numerator.Value, denominator.Value);
        return value is null
            ? YearFigure.Missing(year)
            : new YearFigure(year, value, numerator.Origin, null, numerator.IsEstimate || denominator.IsEstimate);
    }

    /// <summary>Growth of production value against the baseline year (default: the previous year), same basis
    /// only.</summary>
    public YearFigure Growth(FigureBasis basis, int year, int? baselineYear = null)
    {
        if (!input.RecordsOnly && Published(KpiIndicator.ProductionValueGrowth, year, basis) is { } m)
            return new YearFigure(year, m.Value, FigureOrigin.Historical, m.Id, m.IsEstimate);
        var current = Amount(KpiIndicator.ProductionValue, basis, year);
        var previous = Amount(KpiIndicator.ProductionValue, basis, baselineYear ?? year - 1);
        var value = KpiMath.GrowthPercent(current.Value, basis, previous.Value, basis);
        if (value is null)
            return YearFigure.Missing(year);
        var origin = current.Origin == previous.Origin ? current.Origin : FigureOrigin.Mixed;
        return new YearFigure(year, value, origin, null, current.IsEstimate || previous.IsEstimate);
    }

    /// <summary>The first year of the run of phases without gaps that holds this phase (2018–2020, 2021–2025,
    /// 2026–2030 chain from 2018); cumulative targets and the cumulative chart count from it.</summary>
    public int ChainStart(Phase phase)
    {
        var start = phase.StartYear;
        while (input.Phases.FirstOrDefault(p => p.EndYear == start - 1) is { } previous)
            start = previous.StartYear;
        return start;
    }

    public Phase? PhaseOf(int year) => input.Phases.FirstOrDefault(p => p.Contains(year));

    /// <summary>The figure a target is measured against, over the span the target covers.</summary>
    public TargetProgress Evaluate(ProgramTarget t)
    {
        var phase = input.Phases.FirstOrDefault(p => p.Id == t.PhaseId);
        if (phase is null)
            return new(t, YearFigure.Missing(0), 0, 0, null, TargetStatus.NoData, null);
        var to = t.Year ?? phase.EndYear;
        var from = t.Cumulative ? ChainStart(phase) : t.Year ?? phase.StartYear;
        YearFigure actual;
        string? note = null;
        if (IsAdditive(t.Indicator))
        {
            actual = SumCount(t.Indicator, from, to);
            if (
                t.Indicator == KpiIndicator.RecognizedEnterprises
                && actual.Origin != FigureOrigin.Computed
                && from != to
            )
                note = "Tổng theo năm: một doanh nghiệp được công nhận nhiều năm có thể được tính nhiều lần.";
        }
        else if (t.Indicator == KpiIndicator.ProductionValueGrowth && t.Year is null && t.BaselineYear is null)
        {
            var growths = Years(from, to).Select(y => Growth(t.Basis, y)).Where(g => g.Value is not null).ToList();
            actual =
                growths.Count == 0
                    ? YearFigure.Missing(to)
                    : new YearFigure(
                        growths[^1].Year,
                        Math.Round(growths.Average(g => g.Value!.Value), 2, MidpointRounding.AwayFromZero),
                        growths.Select(g => g.Origin).Distinct().Count() == 1 ? growths[0].Origin : FigureOrigin.Mixed,
                        null,
                        growths.Any(g => g.IsEstimate)
                    );
            if (growths.Count > 0)
                note = "Bình quân các năm có số liệu.";
        }
        else
        {
            // A point-in-time indicator: the target's year, or the latest year of the phase with a figure.
            var years = t.Year is { } y ? [y] : Years(from, to).Reverse().ToList();
            actual = years.Select(y => PointFigure(t, y)).FirstOrDefault(f => f.Value is not null)
                ?? YearFigure.Missing(to);
            if (t.Year is null && actual.Value is not null)
                note = "Số liệu năm {0}.";
        }
        var percent = KpiMath.PercentOfTarget(actual.Value, t.Min, t.Max);
        return new(t, actual, from, to, percent, KpiMath.Status(actual.Value, t.Min, t.Max, t.MinExclusive), note);
    }

    private IEnumerable<int> Years(int from, int to)
    {
        var last = Math.Min(to, input.CurrentYear);
        return last < from ? [] : Enumerable.Range(from, last - from + 1);
    }

    private YearFigure PointFigure(ProgramTarget t, int year) =>
        t.Indicator switch
        {
            KpiIndicator.IndustrialOutputShare or KpiIndicator.ExportShare => Share(t.Indicator, t.Basis, year),
            KpiIndicator.ProductionValueGrowth => Growth(t.Basis, year, t.BaselineYear),
            KpiIndicator.Revenue
            or KpiIndicator.ProductionValue
            or KpiIndicator.Export
            or KpiIndicator.CityExport
            or KpiIndicator.CityIndustrialOutput => Amount(t.Indicator, t.Basis, year),
            _ => Count(t.Indicator, year),
        };

    /// <summary>Cumulative recognized products from the chain's start to <paramref name="to"/>, with the target
    /// line: each phase's product target spread evenly over its years, added to the previous phases'.</summary>
    public IReadOnlyList<CumulativePoint> Cumulative(int from, int to)
    {
        var points = new List<CumulativePoint>();
        var running = new List<YearFigure>();
        for (var y = from; y <= to; y++)
        {
            var yearly = y <= input.CurrentYear ? Count(KpiIndicator.RecognizedProducts, y) : YearFigure.Missing(y);
            running.Add(yearly);
            var cumulative = y <= input.CurrentYear ? KpiMath.Sum(y, running) : YearFigure.Missing(y);
            points.Add(new CumulativePoint(y, yearly, cumulative, TargetLine(from, y), RecordsHeld(y)));
        }
        return points;
    }

    /// <summary>The phase-wide product target (lower bound, else upper) of a phase, if any.</summary>
    public ProgramTarget? ProductTarget(Phase phase) =>
        input
            .Targets.Where(t =>
                t.PhaseId == phase.Id
                && t.Indicator == KpiIndicator.RecognizedProducts
                && t.Year is null
                && !t.Cumulative
            )
            .OrderBy(t => t.Id)
            .FirstOrDefault();

    private decimal? TargetLine(int chainStart, int year)
    {
        decimal total = 0;
        foreach (
            var p in input.Phases.Where(p => p.EndYear >= chainStart && p.StartYear <= year).OrderBy(p => p.StartYear)
        )
        {
            var target = ProductTarget(p);
            var value = target?.Min ?? target?.Max;
            if (value is null)
                return p.StartYear <= year && year <= p.EndYear ? null : total;
            var years = p.EndYear - p.StartYear + 1;
            var covered = Math.Min(year, p.EndYear) - p.StartYear + 1;
            total += value.Value * covered / years;
        }
        return Math.Round(total, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Each published cumulative count (e.g. 117 products over 2018–2020) against the sum of the
    /// years.</summary>
    public IReadOnlyList<ConsistencyCheck> Checks() =>
        input
            .Measurements.Where(m =>
                m.FromYear is not null
                && m.FromYear >= ChainStartOrDefault()
                && m.Indicator
                    is KpiIndicator.RecognizedProductsCumulative
                        or KpiIndicator.RecognizedEnterprisesCumulative
            )
            .OrderBy(m => m.Indicator)
            .ThenBy(m => m.Year)
            .Select(m => new ConsistencyCheck(
                m,
                SumCount(
                    m.Indicator == KpiIndicator.RecognizedProductsCumulative
                        ? KpiIndicator.RecognizedProducts
                        : KpiIndicator.RecognizedEnterprises,
                    m.FromYear!.Value,
                    m.Year
                )
            ))
            .ToList();

    private int ChainStartOrDefault() =>
        input.Phases.OrderBy(p => p.StartYear).LastOrDefault(p => p.StartYear <= input.CurrentYear) is { } p
            ? ChainStart(p)
            : int.MinValue;
}
