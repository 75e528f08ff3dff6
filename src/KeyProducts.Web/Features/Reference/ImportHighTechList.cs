using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Reference;

/// <summary>Imports the Prime Minister's high-tech product list from Excel: column A the code, column B the name,
/// first row a header. Existing codes of the same list are renamed, new ones added; nothing is deleted.</summary>
public sealed class ImportHighTechList(AppDbContext db)
{
    public sealed record Outcome(int Added, int Updated, string? Error);

    public const int MaxRows = 5000;

    public async Task<Outcome> RunAsync(string listDecision, Stream xlsx, CancellationToken ct)
    {
        listDecision = listDecision.Trim();
        if (listDecision.Length is 0 or > 100)
            return new(0, 0, "Vui lòng nhập số quyết định ban hành danh mục.");
        List<(string Code, string Name)> rows;
        try
        {
            using var wb = new XLWorkbook(xlsx);
            var ws = wb.Worksheets.First();
            rows = ws.RowsUsed()
                .Skip(1)
                .Take(MaxRows + 1)
                .Select(r => (r.Cell(1).GetString().Trim(), r.Cell(2).GetString().Trim()))
                .Where(r => r.Item1.Length > 0 || r.Item2.Length > 0)
                .ToList();
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
            return new(0, 0, "Tệp không phải bảng tính Excel (.xlsx) hợp lệ.");
        }
        if (rows.Count == 0)
            return new(0, 0, "Bảng tính không có dòng dữ liệu nào (cột A: mã, cột B: tên; dòng 1 là tiêu đề).");
        if (rows.Count > MaxRows)
            return new(0, 0, "Bảng tính có quá nhiều dòng.");
        var bad = rows.FindIndex(r => r.Code.Length is 0 or > 50 || r.Name.Length is 0 or > 1000);
        if (bad >= 0)
            return new(0, 0, $"Dòng {bad + 2}: cần mã (tối đa 50 ký tự) và tên sản phẩm.");
        var dup = rows.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            return new(0, 0, $"Mã {dup.Key} xuất hiện nhiều lần.");

        var existing = await db
            .HighTechProducts.Where(h => h.ListDecision == listDecision)
            .ToDictionaryAsync(h => h.Code, StringComparer.OrdinalIgnoreCase, ct);
        int added = 0,
            updated = 0;
        foreach (var (code, name) in rows)
        {
            if (existing.TryGetValue(code, out var h))
            {
                if (h.Name == name)
                    continue;
                h.Name = name;
                h.SearchName = SearchText.Fold(name);
                updated++;
            }
            else
            {
                db.HighTechProducts.Add(
                    new HighTechProduct
                    {
                        ListDecision = listDecision,
                        Code = code,
                        Name = name,
                        SearchName = SearchText.Fold(name),
                    }
                );
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new(added, updated, null);
    }
}

public static class ReferenceFeatures
{
    public static IServiceCollection AddReferenceFeatures(this IServiceCollection services) =>
        services.AddScoped<ImportHighTechList>().AddScoped<ReferenceLists>();
}

/// <summary>Options for the select boxes of forms: units and sectors valid today first, former units kept for old
/// addresses.</summary>
public sealed class ReferenceLists(AppDbContext db)
{
    public sealed record Option(string Value, string Text);

    public Task<List<Option>> CommunesAsync(CancellationToken ct) =>
        db
            .AdministrativeUnits.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null)
            .OrderBy(u => u.Name)
            .Select(u => new Option(u.Code, u.Name))
            .ToListAsync(ct);

    public Task<List<Option>> FormerDistrictsAsync(CancellationToken ct) =>
        db
            .AdministrativeUnits.AsNoTracking()
            .Where(u => u.Level == UnitLevel.District)
            .OrderBy(u => u.Name)
            .Select(u => new Option(u.Code, u.Name))
            .ToListAsync(ct);

    public Task<List<Option>> SectorsAsync(CancellationToken ct) =>
        db
            .Sectors.AsNoTracking()
            .OrderBy(s => s.ValidToYear != null)
            .ThenBy(s => s.SortOrder)
            .Select(s => new Option(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.NameVi))
            .ToListAsync(ct);

    public Task<List<Option>> HighTechAsync(CancellationToken ct) =>
        db
            .HighTechProducts.AsNoTracking()
            .OrderBy(h => h.Code)
            .Select(h => new Option(h.Code, h.Code + " — " + h.Name))
            .ToListAsync(ct);

    public Task<List<Option>> AgenciesAsync(CancellationToken ct) =>
        db
            .Agencies.AsNoTracking()
            .OrderBy(a => a.ValidTo != null)
            .ThenBy(a => a.Name)
            .Select(a => new Option(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Name))
            .ToListAsync(ct);
}
