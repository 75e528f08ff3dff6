using System.Globalization;
using KeyProducts.Core.Common;

namespace KeyProducts.Core.Program;

/// <summary>The program's phases, targets and published figures as a file (JSON, or Excel with one sheet each):
/// the shipped public data of program.md §6–7 and what officers import later. Rows carry their sheet and line so
/// errors point at them.</summary>
public sealed class ProgramDataFile
{
    public string? Title { get; set; }
    public string? Version { get; set; }
    public Dictionary<string, string> Sources { get; set; } = [];
    public List<PhaseRow> Phases { get; set; } = [];
    public List<TargetRow> Targets { get; set; } = [];
    public List<MeasurementRow> Measurements { get; set; } = [];
}

public sealed class PhaseRow
{
    public int Line { get; set; }
    public string? Name { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string? LegalBasis { get; set; }
    public string? LegalBasisDate { get; set; }
    public string? LegalBasisTitle { get; set; }
    public string? Notes { get; set; }
}

public sealed class TargetRow
{
    public int Line { get; set; }
    public string? Code { get; set; }
    public int PhaseStartYear { get; set; }
    public string? Indicator { get; set; }
    public string? Basis { get; set; }
    public int? Year { get; set; }
    public bool Cumulative { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public bool MinExclusive { get; set; }
    public int? BaselineYear { get; set; }
    public string? Source { get; set; }
    public string? SourceDate { get; set; }
    public string? Notes { get; set; }
}

public sealed class MeasurementRow
{
    public int Line { get; set; }
    public string? Indicator { get; set; }
    public int Year { get; set; }
    public int? FromYear { get; set; }
    public decimal Value { get; set; }
    public string? Basis { get; set; }
    public int? ReferenceYear { get; set; }
    public bool Estimate { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A problem with one row: sheet ("phases", "targets", "measurements"), line, message. When built from
/// <see cref="Common.Phrase"/>s, <see cref="Parts"/> lets the web layer translate each of them.</summary>
public sealed record RowError(string Sheet, int Line, string Message)
{
    public IReadOnlyList<Common.Phrase> Parts { get; init; } = [];

    public RowError(string sheet, int line, params Common.Phrase[] parts)
        : this(sheet, line, string.Join(" ", parts.Select(p => p.ToString()))) => Parts = parts;
}

/// <summary>The rows turned into entities, or the list of every row's errors (nothing is saved when any).</summary>
public sealed record ProgramDataParsed(
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<(ProgramTarget Target, int PhaseStartYear)> Targets,
    IReadOnlyList<Measurement> Measurements,
    IReadOnlyList<RowError> Errors
);

public static class ProgramDataRules
{
    public const int MaxRows = 5000;

    public static ProgramDataParsed Parse(ProgramDataFile file)
    {
        var errors = new List<RowError>();
        var sources = file.Sources ?? [];
        string Expand(string? s) => s is null ? "" : ExpandSources(s.Trim(), sources);
        if (file.Phases.Count + file.Targets.Count + file.Measurements.Count > MaxRows)
            return new([], [], [], [new RowError("", 0, $"Tệp có quá nhiều dòng (tối đa {MaxRows}).")]);

        var phases = new List<Phase>();
        foreach (var r in file.Phases)
        {
            var p = new Phase
            {
                Name = r.Name?.Trim() ?? "",
                StartYear = r.StartYear,
                EndYear = r.EndYear,
                LegalBasis = r.LegalBasis?.Trim() ?? "",
                LegalBasisTitle = Blank(r.LegalBasisTitle),
                Notes = Blank(r.Notes),
            };
            Try(errors, "phases", r.Line, () =>
            {
                p.LegalBasisDate = ParseDate(r.LegalBasisDate, "LegalBasisDate");
                p.Validate();
                if (p.LegalBasis.Length is 0 or > 300)
                    throw new DomainException("PhaseBasis", "Nhập văn bản căn cứ của giai đoạn (tối đa 300 ký tự).");
                if (phases.Any(x => x.StartYear == p.StartYear))
                    throw new DomainException("PhaseDuplicate", "Giai đoạn bắt đầu năm này đã có ở dòng trước.");
                if (phases.Any(x => x.StartYear <= p.EndYear && p.StartYear <= x.EndYear))
                    throw new DomainException("PhaseOverlap", "Giai đoạn chồng lên một giai đoạn khác trong tệp.");
                phases.Add(p);
            });
        }

        var targets = new List<(ProgramTarget, int)>();
        foreach (var r in file.Targets)
        {
            Try(errors, "targets", r.Line, () =>
            {
                var code = r.Code?.Trim() ?? "";
                if (code.Length is 0 or > 60)
                    throw new DomainException("TargetCode", "Nhập mã chỉ tiêu (tối đa 60 ký tự).");
                if (targets.Any(t => string.Equals(t.Item1.Code, code, StringComparison.OrdinalIgnoreCase)))
                    throw new DomainException("TargetCodeDuplicate", "Mã chỉ tiêu {0} xuất hiện nhiều lần.", code);
                var indicator = Indicator(r.Indicator);
                var t = new ProgramTarget
                {
                    Code = code,
                    Indicator = indicator,
                    Unit = KpiIndicators.UnitOf(indicator),
                    Basis = Basis(r.Basis),
                    Year = r.Year,
                    Cumulative = r.Cumulative,
                    Min = r.Min,
                    Max = r.Max,
                    MinExclusive = r.MinExclusive,
                    BaselineYear = r.BaselineYear,
                    Source = Expand(r.Source),
                    Notes = Blank(r.Notes),
                    SourceDate = ParseDate(r.SourceDate, "SourceDate"),
                };
                var phase = phases.FirstOrDefault(p => p.StartYear == r.PhaseStartYear)
                    ?? new Phase
                    {
                        Name = "?",
                        StartYear = r.PhaseStartYear,
                        EndYear = r.PhaseStartYear + 100,
                    };
                t.Validate(phase);
                targets.Add((t, r.PhaseStartYear));
            });
        }

        var measurements = new List<Measurement>();
        foreach (var r in file.Measurements)
        {
            Try(errors, "measurements", r.Line, () =>
            {
                var indicator = Indicator(r.Indicator);
                var m = new Measurement
                {
                    Indicator = indicator,
                    Unit = KpiIndicators.UnitOf(indicator),
                    Year = r.Year,
                    FromYear = r.FromYear,
                    Value = r.Value,
                    Basis = Basis(r.Basis),
                    ReferenceYear = r.ReferenceYear,
                    IsEstimate = r.Estimate,
                    Source = Expand(r.Source),
                    Notes = Blank(r.Notes),
                };
                m.Validate();
                if (measurements.Any(x => x.Indicator == m.Indicator && x.Year == m.Year && x.Basis == m.Basis))
                    throw new DomainException(
                        "MeasurementDuplicate",
                        "Số liệu này (chỉ số, năm, phạm vi) đã có ở dòng trước."
                    );
                measurements.Add(m);
            });
        }
        return new(phases, targets, measurements, errors);
    }

    /// <summary>"S7; S7b" → the sources' full text, so each row keeps its citation after import.</summary>
    public static string ExpandSources(string source, IReadOnlyDictionary<string, string> sources)
    {
        if (sources.Count == 0)
            return source;
        var parts = source.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("; ", parts.Select(p => sources.TryGetValue(p, out var full) ? $"{p}: {full}" : p));
    }

    private static void Try(List<RowError> errors, string sheet, int line, Action action)
    {
        try
        {
            action();
        }
        catch (DomainException e)
        {
            errors.Add(new RowError(sheet, line, e.Message));
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static KpiIndicator Indicator(string? s) =>
        KpiIndicators.TryParse(s, out var i)
            ? i
            : throw new DomainException("Indicator", "Chỉ số “{0}” không có trong danh mục chỉ số.", s ?? "");

    private static FigureBasis Basis(string? s) =>
        Enum.TryParse<FigureBasis>(s?.Trim(), true, out var b) && Enum.IsDefined(b)
            ? b
            : throw new DomainException(
                "Basis",
                "Phạm vi “{0}” không hợp lệ (Products, Enterprises hoặc City).",
                s ?? ""
            );

    private static DateOnly? ParseDate(string? s, string field)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
        return DateOnly.TryParseExact(s.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new DomainException("Date", "Ngày “{0}” ({1}) không hợp lệ, dùng dạng ngày/tháng/năm.", s, field);
    }
}
