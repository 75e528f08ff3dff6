using System.Text.Json;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>Imports phases, targets and published measurements from the program data file (JSON or Excel).
/// Every row is checked first; when any row is wrong nothing is saved and the errors are listed by row.
/// Phases match by start year, targets by code, measurements by (indicator, year, basis): re-importing
/// updates.</summary>
public sealed class ImportProgramData(AppDbContext db)
{
    public const string ShippedResource = "program.program-data.json";
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record Outcome(int Added, int Updated, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The public data shipped with the system (program.md §6–7).</summary>
    public static Stream OpenShipped() =>
        typeof(ImportProgramData).Assembly.GetManifestResourceStream(ShippedResource)
        ?? throw new InvalidOperationException("The shipped program data file is missing from the assembly.");

    public async Task<Outcome> ImportShippedAsync(CancellationToken ct)
    {
        await using var s = OpenShipped();
        return await ImportJsonAsync(s, ct);
    }

    public async Task<Outcome> ImportJsonAsync(Stream json, CancellationToken ct)
    {
        ProgramDataFile? file;
        try
        {
            file = await JsonSerializer.DeserializeAsync<ProgramDataFile>(json, Json, ct);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } l ? $" (dòng {l + 1})" : "";
            return Fail($"Tệp JSON không hợp lệ{where}: kiểm tra dấu ngoặc, dấu phẩy và kiểu số liệu.");
        }
        if (file is null)
            return Fail("Tệp JSON rỗng.");
        Number(file.Phases, (r, i) => r.Line = i);
        Number(file.Targets, (r, i) => r.Line = i);
        Number(file.Measurements, (r, i) => r.Line = i);
        return await ImportAsync(file, ct);
    }

    public async Task<Outcome> ImportExcelAsync(Stream xlsx, CancellationToken ct)
    {
        ProgramDataFile file;
        List<RowError> errors;
        try
        {
            (file, errors) = ProgramDataWorkbook.Read(xlsx);
        }
        catch (Exception e)
            when (e
                    is InvalidDataException
                        or ArgumentException
                        or FormatException
                        or InvalidOperationException
                        or System.IO.FileFormatException
                        or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
            )
        {
            return Fail("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.");
        }
        if (errors.Count > 0)
            return new(0, 0, errors);
        return await ImportAsync(file, ct);
    }

    private static void Number<T>(List<T> rows, Action<T, int> set)
    {
        for (var i = 0; i < rows.Count; i++)
            set(rows[i], i + 1);
    }

    private static Outcome Fail(string message) => new(0, 0, [new RowError("", 0, message)]);

    public async Task<Outcome> ImportAsync(ProgramDataFile file, CancellationToken ct)
    {
        var parsed = ProgramDataRules.Parse(file);
        var errors = parsed.Errors.ToList();
        var phases = await db.Phases.ToListAsync(ct);
        var targets = await db.ProgramTargets.ToListAsync(ct);
        var measurements = await db.Measurements.ToListAsync(ct);

        // Phases: the file's phase must not overlap an existing phase other than the one it updates.
        foreach (var p in parsed.Phases)
        {
            var clash = phases.FirstOrDefault(x =>
                x.StartYear != p.StartYear && x.StartYear <= p.EndYear && p.StartYear <= x.EndYear
            );
            if (clash is not null)
                errors.Add(
                    new RowError(
                        "phases",
                        file.Phases.First(r => r.StartYear == p.StartYear).Line,
                        $"Giai đoạn {p.StartYear}–{p.EndYear} chồng lên giai đoạn đã có {clash.Name}."
                    )
                );
        }
        var startYears = phases.Select(p => p.StartYear).Concat(parsed.Phases.Select(p => p.StartYear)).ToHashSet();
        foreach (var (t, start) in parsed.Targets)
            if (!startYears.Contains(start))
                errors.Add(
                    new RowError(
                        "targets",
                        file.Targets.First(r => r.Code?.Trim() == t.Code).Line,
                        $"Không có giai đoạn bắt đầu năm {start} cho chỉ tiêu {t.Code}."
                    )
                );
        if (errors.Count > 0)
            return new(0, 0, errors.OrderBy(e => e.Sheet).ThenBy(e => e.Line).ToList());

        int added = 0,
            updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in parsed.Phases)
        {
            var existing = phases.FirstOrDefault(x => x.StartYear == p.StartYear);
            if (existing is null)
            {
                db.Phases.Add(p);
                phases.Add(p);
                added++;
                continue;
            }
            if (Same(existing, p))
                continue;
            (
                existing.Name,
                existing.EndYear,
                existing.LegalBasis,
                existing.LegalBasisDate,
                existing.LegalBasisTitle,
                existing.Notes
            ) = (p.Name, p.EndYear, p.LegalBasis, p.LegalBasisDate, p.LegalBasisTitle, p.Notes);
            updated++;
        }
        await db.SaveChangesAsync(ct);

        foreach (var (t, start) in parsed.Targets)
        {
            t.PhaseId = phases.First(p => p.StartYear == start).Id;
            var existing = targets.FirstOrDefault(x =>
                string.Equals(x.Code, t.Code, StringComparison.OrdinalIgnoreCase)
            );
            if (existing is null)
            {
                db.ProgramTargets.Add(t);
                targets.Add(t);
                added++;
                continue;
            }
            if (ProgramTargetFields.Same(existing, t))
                continue;
            ProgramTargetFields.Copy(t, existing);
            updated++;
        }
        foreach (var m in parsed.Measurements)
        {
            var existing = measurements.FirstOrDefault(x =>
                x.Indicator == m.Indicator && x.Year == m.Year && x.Basis == m.Basis
            );
            if (existing is null)
            {
                db.Measurements.Add(m);
                added++;
                continue;
            }
            if (MeasurementFields.Same(existing, m))
                continue;
            MeasurementFields.Copy(m, existing);
            updated++;
        }
        foreach (var p in phases)
            PhaseHeadlines.Sync(p, targets);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(added, updated, []);
    }

    private static bool Same(Phase a, Phase b) =>
        a.Name == b.Name
        && a.EndYear == b.EndYear
        && a.LegalBasis == b.LegalBasis
        && a.LegalBasisDate == b.LegalBasisDate
        && a.LegalBasisTitle == b.LegalBasisTitle
        && a.Notes == b.Notes;
}

/// <summary>Copies the editable fields of a target (import and the edit form share it).</summary>
public static class ProgramTargetFields
{
    public static bool Same(ProgramTarget a, ProgramTarget b) =>
        a.PhaseId == b.PhaseId
        && a.Indicator == b.Indicator
        && a.Unit == b.Unit
        && a.Basis == b.Basis
        && a.Year == b.Year
        && a.Cumulative == b.Cumulative
        && a.Min == b.Min
        && a.Max == b.Max
        && a.MinExclusive == b.MinExclusive
        && a.BaselineYear == b.BaselineYear
        && a.Source == b.Source
        && a.SourceDate == b.SourceDate
        && a.Notes == b.Notes;

    public static void Copy(ProgramTarget from, ProgramTarget to)
    {
        to.PhaseId = from.PhaseId;
        to.Indicator = from.Indicator;
        to.Unit = from.Unit;
        to.Basis = from.Basis;
        to.Year = from.Year;
        to.Cumulative = from.Cumulative;
        to.Min = from.Min;
        to.Max = from.Max;
        to.MinExclusive = from.MinExclusive;
        to.BaselineYear = from.BaselineYear;
        to.Source = from.Source;
        to.SourceDate = from.SourceDate;
        to.Notes = from.Notes;
    }
}

public static class MeasurementFields
{
    public static bool Same(Measurement a, Measurement b) =>
        a.FromYear == b.FromYear
        && a.Value == b.Value
        && a.Unit == b.Unit
        && a.ReferenceYear == b.ReferenceYear
        && a.IsEstimate == b.IsEstimate
        && a.Source == b.Source
        && a.Notes == b.Notes;

    public static void Copy(Measurement from, Measurement to)
    {
        to.Indicator = from.Indicator;
        to.Year = from.Year;
        to.Basis = from.Basis;
        to.FromYear = from.FromYear;
        to.Value = from.Value;
        to.Unit = from.Unit;
        to.ReferenceYear = from.ReferenceYear;
        to.IsEstimate = from.IsEstimate;
        to.Source = from.Source;
        to.Notes = from.Notes;
    }
}

/// <summary>Keeps the phase's older headline columns (read by /api/v1/program) in step with its targets.</summary>
public static class PhaseHeadlines
{
    public static void Sync(Phase phase, IEnumerable<ProgramTarget> targets)
    {
        var list = targets.Where(t => t.PhaseId == phase.Id && t.Year is null && !t.Cumulative).ToList();
        var products = list.FirstOrDefault(t => t.Indicator == KpiIndicator.RecognizedProducts);
        var enterprises = list.FirstOrDefault(t => t.Indicator == KpiIndicator.RecognizedEnterprises);
        if (products is null && enterprises is null)
            return;
        static int? I(decimal? d) => d is null ? null : (int)d.Value;
        static int? H(decimal? d) => d is null ? null : (int)(d.Value * 100);
        phase.TargetProductsMin = I(products?.Min);
        phase.TargetProductsMax = I(products?.Max);
        phase.TargetEnterprisesMin = I(enterprises?.Min);
        phase.TargetEnterprisesMax = I(enterprises?.Max);
        var growth = list.FirstOrDefault(t => t.Indicator == KpiIndicator.ProductionValueGrowth);
        var export = list.FirstOrDefault(t => t.Indicator == KpiIndicator.ExportShare);
        var industry = list.FirstOrDefault(t => t.Indicator == KpiIndicator.IndustrialOutputShare);
        phase.TargetGrowthPercentHundredths = H(growth?.Min) ?? phase.TargetGrowthPercentHundredths;
        phase.TargetExportSharePercentHundredths = H(export?.Min) ?? phase.TargetExportSharePercentHundredths;
        phase.TargetIndustrialSharePercentHundredths = H(industry?.Min) ?? phase.TargetIndustrialSharePercentHundredths;
    }
}
