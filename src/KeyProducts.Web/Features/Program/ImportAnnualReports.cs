using System.Globalization;
using ClosedXML.Excel;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>An officer enters many annual reports from one sheet (header row, one enterprise per row: taxCode, year,
/// figures in VND and USD). Every row is checked; on any error nothing is saved. A year already reported by the
/// enterprise is refused rather than overwritten.</summary>
public sealed class ImportAnnualReports(AppDbContext db, AnnualReportQueries queries, TimeProvider time)
{
    public static readonly string[] Columns =
    [
        "taxCode",
        "year",
        "productRevenueVnd",
        "productProductionValueVnd",
        "productExportUsd",
        "enterpriseRevenueVnd",
        "enterpriseProductionValueVnd",
        "enterpriseExportUsd",
        "employees",
        "rdSpendingVnd",
    ];

    public sealed record Outcome(int Added, IReadOnlyList<RowError> Errors);

    public async Task<Outcome> ExecuteAsync(Stream xlsx, string officerId, CancellationToken ct)
    {
        var errors = new List<RowError>();
        var rows = new List<(int Line, string Tax, int Year, AnnualReport Report)>();
        try
        {
            using var wb = new XLWorkbook(xlsx);
            var ws = wb.Worksheets.First();
            var header = ws.Row(1)
                .CellsUsed()
                .ToDictionary(c => c.GetString().Trim(), c => c.Address.ColumnNumber, StringComparer.OrdinalIgnoreCase);
            var missing = Columns.Where(c => !header.ContainsKey(c)).ToList();
            if (missing.Count > 0)
                return new(0, [new RowError(ws.Name, 1, "Thiếu cột: " + string.Join(", ", missing) + ".")]);
            var last = Math.Min(ws.LastRowUsed()?.RowNumber() ?? 1, 5001);
            for (var line = 2; line <= last; line++)
            {
                var row = ws.Row(line);
                if (row.IsEmpty())
                    continue;
                var rowErrors = new List<string>();
                long? Long(string col, decimal scale)
                {
                    var cell = row.Cell(header[col]);
                    if (cell.HasFormula)
                    {
                        rowErrors.Add($"Ô {cell.Address} ({col}) chứa công thức; hãy dán giá trị.");
                        return null;
                    }
                    if (cell.IsEmpty())
                        return null;
                    if (cell.DataType == XLDataType.Number)
                        return (long)Math.Round((decimal)cell.GetDouble() * scale);
                    if (
                        decimal.TryParse(
                            cell.GetString(),
                            NumberStyles.Number,
                            CultureInfo.GetCultureInfo("vi-VN"),
                            out var v
                        )
                    )
                        return (long)Math.Round(v * scale);
                    rowErrors.Add($"Ô {cell.Address} ({col}) phải là số.");
                    return null;
                }
                var tax = row.Cell(header["taxCode"]).GetString().Trim();
                var year = (int)(Long("year", 1) ?? 0);
                var report = new AnnualReport
                {
                    Year = year,
                    ProductRevenueVnd = Long("productRevenueVnd", 1),
                    ProductProductionValueVnd = Long("productProductionValueVnd", 1),
                    ProductExportUsdCents = Long("productExportUsd", 100),
                    EnterpriseRevenueVnd = Long("enterpriseRevenueVnd", 1),
                    EnterpriseProductionValueVnd = Long("enterpriseProductionValueVnd", 1),
                    EnterpriseExportUsdCents = Long("enterpriseExportUsd", 100),
                    Employees = (int?)Long("employees", 1),
                    RdSpendingVnd = Long("rdSpendingVnd", 1),
                    CreatedAt = time.GetUtcNow(),
                };
                if (year is < 2000 or > 2100)
                    rowErrors.Add("Năm báo cáo không hợp lệ.");
                rowErrors.AddRange(report.Problems(forSubmission: true).Select(p => $"{p.Key}: {p.Value}"));
                if (rows.Any(r => r.Tax == tax && r.Year == year))
                    rowErrors.Add("Trùng doanh nghiệp và năm với dòng trước.");
                errors.AddRange(rowErrors.Select(e => new RowError(ws.Name, line, e)));
                rows.Add((line, tax, year, report));
            }
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
            return new(0, [new RowError("", 0, "Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")]);
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new RowError("", 0, "Bảng tính không có dòng dữ liệu nào."));

        var taxes = rows.Select(r => r.Tax).Distinct().ToList();
        var enterprises = await db
            .Enterprises.AsNoTracking()
            .Where(e => taxes.Contains(e.TaxCode))
            .Select(e => new { e.Id, e.TaxCode })
            .ToListAsync(ct);
        var years = rows.Select(r => r.Year).Distinct().ToList();
        var existing = await db
            .AnnualReports.AsNoTracking()
            .Where(r => years.Contains(r.Year))
            .Select(r => new { r.EnterpriseId, r.Year })
            .ToListAsync(ct);
        var due = new Dictionary<int, HashSet<int>>();
        foreach (var y in years.Where(y => y is >= 2000 and <= 2100))
            due[y] = (await queries.DueEnterpriseIds(y).ToListAsync(ct)).ToHashSet();
        foreach (var r in rows)
        {
            var e = enterprises.FirstOrDefault(x => x.TaxCode == r.Tax);
            if (e is null)
            {
                errors.Add(new RowError("", r.Line, $"Không có doanh nghiệp mã số thuế {r.Tax}."));
                continue;
            }
            if (due.TryGetValue(r.Year, out var ids) && !ids.Contains(e.Id))
                errors.Add(
                    new RowError(
                        "",
                        r.Line,
                        $"Doanh nghiệp {r.Tax} không có sản phẩm được công nhận còn hiệu lực trong năm {r.Year}."
                    )
                );
            if (existing.Any(x => x.EnterpriseId == e.Id && x.Year == r.Year))
                errors.Add(
                    new RowError(
                        "",
                        r.Line,
                        $"Doanh nghiệp {r.Tax} đã có báo cáo năm {r.Year}; sửa báo cáo đó thay vì nhập lại."
                    )
                );
            r.Report.EnterpriseId = e.Id;
        }
        if (errors.Count > 0)
            return new(0, errors.OrderBy(e => e.Line).ToList());
        foreach (var r in rows)
        {
            r.Report.AcceptEnteredByOfficer(officerId, time.GetUtcNow());
            db.AnnualReports.Add(r.Report);
        }
        await db.SaveChangesAsync(ct);
        return new(rows.Count, []);
    }
}
