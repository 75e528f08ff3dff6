using System.Globalization;
using ClosedXML.Excel;
using KeyProducts.Core.Program;

namespace KeyProducts.Web.Features.Program;

/// <summary>The program data file as an Excel workbook: sheets "phases", "targets", "measurements", a header row
/// with the JSON field names. Reading reports missing columns, formulas and unreadable cells row by row.</summary>
public static class ProgramDataWorkbook
{
    private static readonly string[] PhaseColumns =
    [
        "name",
        "startYear",
        "endYear",
        "legalBasis",
        "legalBasisDate",
        "legalBasisTitle",
        "notes",
    ];
    private static readonly string[] TargetColumns =
    [
        "code",
        "phaseStartYear",
        "indicator",
        "basis",
        "year",
        "cumulative",
        "min",
        "max",
        "minExclusive",
        "baselineYear",
        "source",
        "sourceDate",
        "notes",
    ];
    private static readonly string[] MeasurementColumns =
    [
        "indicator",
        "year",
        "fromYear",
        "value",
        "basis",
        "referenceYear",
        "estimate",
        "source",
        "notes",
    ];

    public static (ProgramDataFile File, List<RowError> Errors) Read(Stream xlsx)
    {
        var file = new ProgramDataFile();
        var errors = new List<RowError>();
        using var wb = new XLWorkbook(xlsx);
        foreach (
            var (sheet, columns, required) in new[]
            {
                ("phases", PhaseColumns, new[] { "name", "startYear", "endYear", "legalBasis" }),
                ("targets", TargetColumns, new[] { "code", "phaseStartYear", "indicator", "basis", "source" }),
                ("measurements", MeasurementColumns, new[] { "indicator", "year", "value", "basis", "source" }),
            }
        )
        {
            if (!wb.TryGetWorksheet(sheet, out var ws))
                continue;
            var header = ws.Row(1)
                .CellsUsed()
                .ToDictionary(c => c.GetString().Trim(), c => c.Address.ColumnNumber, StringComparer.OrdinalIgnoreCase);
            var missing = required.Where(c => !header.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new RowError(sheet, 1, "Thiếu cột: " + string.Join(", ", missing) + "."));
                continue;
            }
            var last = ws.LastRowUsed()?.RowNumber() ?? 1;
            if (last > ProgramDataRules.MaxRows + 1)
            {
                errors.Add(new RowError(sheet, 0, $"Trang có quá nhiều dòng (tối đa {ProgramDataRules.MaxRows})."));
                continue;
            }
            for (var r = 2; r <= last; r++)
            {
                var row = ws.Row(r);
                if (row.IsEmpty())
                    continue;
                var reader = new CellReader(row, header, sheet, r);
                switch (sheet)
                {
                    case "phases":
                        file.Phases.Add(
                            new PhaseRow
                            {
                                Line = r,
                                Name = reader.Text("name"),
                                StartYear = reader.Int("startYear") ?? 0,
                                EndYear = reader.Int("endYear") ?? 0,
                                LegalBasis = reader.Text("legalBasis"),
                                LegalBasisDate = reader.Date("legalBasisDate"),
                                LegalBasisTitle = reader.Text("legalBasisTitle"),
                                Notes = reader.Text("notes"),
                            }
                        );
                        break;
                    case "targets":
                        file.Targets.Add(
                            new TargetRow
                            {
                                Line = r,
                                Code = reader.Text("code"),
                                PhaseStartYear = reader.Int("phaseStartYear") ?? 0,
                                Indicator = reader.Text("indicator"),
                                Basis = reader.Text("basis"),
                                Year = reader.Int("year"),
                                Cumulative = reader.Bool("cumulative"),
                                Min = reader.Number("min"),
                                Max = reader.Number("max"),
                                MinExclusive = reader.Bool("minExclusive"),
                                BaselineYear = reader.Int("baselineYear"),
                                Source = reader.Text("source"),
                                SourceDate = reader.Date("sourceDate"),
                                Notes = reader.Text("notes"),
                            }
                        );
                        break;
                    default:
                        file.Measurements.Add(
                            new MeasurementRow
                            {
                                Line = r,
                                Indicator = reader.Text("indicator"),
                                Year = reader.Int("year") ?? 0,
                                FromYear = reader.Int("fromYear"),
                                Value = reader.Number("value") ?? 0,
                                Basis = reader.Text("basis"),
                                ReferenceYear = reader.Int("referenceYear"),
                                Estimate = reader.Bool("estimate"),
                                Source = reader.Text("source"),
                                Notes = reader.Text("notes"),
                            }
                        );
                        break;
                }
                errors.AddRange(reader.Errors);
            }
        }
        if (file.Phases.Count + file.Targets.Count + file.Measurements.Count == 0 && errors.Count == 0)
            errors.Add(
                new RowError(
                    "",
                    0,
                    "Bảng tính không có dòng dữ liệu nào (cần các trang phases, targets, measurements, dòng 1 là tên "
                        + "cột)."
                )
            );
        return (file, errors);
    }

    private sealed class CellReader(IXLRow row, Dictionary<string, int> header, string sheet, int line)
    {
        public List<RowError> Errors { get; } = [];

        private IXLCell? Cell(string name)
        {
            if (!header.TryGetValue(name, out var col))
                return null;
            var cell = row.Cell(col);
            if (cell.HasFormula)
            {
                Errors.Add(
                    new RowError(
                        sheet,
                        line,
                        $"Ô {cell.Address} ({name}) chứa công thức; hãy dán giá trị (Paste Values) rồi nhập lại."
                    )
                );
                return null;
            }
            return cell.IsEmpty() ? null : cell;
        }

        public string? Text(string name) => Cell(name)?.GetString().Trim();

        public int? Int(string name)
        {
            var cell = Cell(name);
            if (cell is null)
                return null;
            if (
                cell.DataType == XLDataType.Number
                && cell.GetDouble() is var d
                && d == Math.Floor(d)
                && d is >= int.MinValue and <= int.MaxValue
            )
                return (int)d;
            if (int.TryParse(cell.GetString().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
                return i;
            Errors.Add(new RowError(sheet, line, $"Ô {cell.Address} ({name}) phải là số nguyên."));
            return null;
        }

        public decimal? Number(string name)
        {
            var cell = Cell(name);
            if (cell is null)
                return null;
            if (cell.DataType == XLDataType.Number)
                return (decimal)cell.GetDouble();
            var s = cell.GetString().Trim();
            if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"), out var v))
                return v;
            Errors.Add(new RowError(sheet, line, $"Ô {cell.Address} ({name}) phải là số."));
            return null;
        }

        public bool Bool(string name)
        {
            var s = Cell(name)?.GetString().Trim().ToUpperInvariant();
            return s is "TRUE" or "1" or "X" or "CÓ" or "YES";
        }

        public string? Date(string name)
        {
            var cell = Cell(name);
            if (cell is null)
                return null;
            return cell.DataType == XLDataType.DateTime
                ? cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : cell.GetString().Trim();
        }
    }

    /// <summary>Writes the data in the import format, so an officer can edit and import it back.</summary>
    public static byte[] Write(
        IReadOnlyList<Phase> phases,
        IReadOnlyList<ProgramTarget> targets,
        IReadOnlyList<Measurement> measurements
    )
    {
        using var wb = new XLWorkbook();
        var byId = phases.ToDictionary(p => p.Id);
        Sheet(
            wb,
            "phases",
            PhaseColumns,
            phases.Select(p =>
                new object?[]
                {
                    p.Name,
                    p.StartYear,
                    p.EndYear,
                    p.LegalBasis,
                    p.LegalBasisDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    p.LegalBasisTitle,
                    p.Notes,
                }
            )
        );
        Sheet(
            wb,
            "targets",
            TargetColumns,
            targets.Select(t =>
                new object?[]
                {
                    t.Code,
                    byId.TryGetValue(t.PhaseId, out var p) ? p.StartYear : null,
                    t.Indicator.ToString(),
                    t.Basis.ToString(),
                    t.Year,
                    t.Cumulative ? "TRUE" : "FALSE",
                    t.Min,
                    t.Max,
                    t.MinExclusive ? "TRUE" : "FALSE",
                    t.BaselineYear,
                    t.Source,
                    t.SourceDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    t.Notes,
                }
            )
        );
        Sheet(
            wb,
            "measurements",
            MeasurementColumns,
            measurements.Select(m =>
                new object?[]
                {
                    m.Indicator.ToString(),
                    m.Year,
                    m.FromYear,
                    m.Value,
                    m.Basis.ToString(),
                    m.ReferenceYear,
                    m.IsEstimate ? "TRUE" : "FALSE",
                    m.Source,
                    m.Notes,
                }
            )
        );
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static void Sheet(XLWorkbook wb, string name, string[] columns, IEnumerable<object?[]> rows)
    {
        var ws = wb.Worksheets.Add(name);
        for (var c = 0; c < columns.Length; c++)
        {
            ws.Cell(1, c + 1).Value = columns[c];
            ws.Column(c + 1).Width = columns[c] is "source" or "notes" or "legalBasisTitle" ? 60 : 16;
        }
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                if (row[c] is { } v)
                    ws.Cell(r, c + 1).Value = v;
            r++;
        }
        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, Math.Max(1, r - 1), columns.Length).SetAutoFilter();
    }
}
