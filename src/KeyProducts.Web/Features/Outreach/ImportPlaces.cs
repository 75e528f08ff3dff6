using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Core.Program;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>Imports industrial clusters and craft villages from Excel. Each place names its commune after the 2025
/// reform (code or name of a unit in force). All rows are checked first; any error and nothing is saved. A known code
/// updates the place.</summary>
public sealed class ImportPlaces(AppDbContext db, TimeProvider time)
{
    public static readonly string[] Required = ["Loại", "Mã", "Tên", "Xã/phường"];
    public static readonly string[] Optional = ["Địa chỉ", "Ngành nghề"];

    public sealed record Outcome(int Added, int Updated, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public sealed record PlaceRow(
        int Line,
        string Kind,
        string Code,
        string Name,
        string Commune,
        string Address,
        string Trade
    );

    /// <summary>A small sample (well-known craft villages and clusters), to be replaced by the department's official
    /// list.</summary>
    public static readonly PlaceRow[] Sample =
    [
        new(1, "Làng nghề", "LN-BATTRANG", "Làng gốm Bát Tràng", "Xã Bát Tràng", "Thôn Bát Tràng", "Gốm sứ"),
        new(2, "Làng nghề", "LN-VANPHUC", "Làng lụa Vạn Phúc", "Phường Hà Đông", "Phố Vạn Phúc", "Dệt lụa"),
        new(
            3,
            "Làng nghề",
            "LN-CHUYENMY",
            "Làng khảm trai Chuyên Mỹ",
            "Xã Chuyên Mỹ",
            "Thôn Chuôn Ngọ",
            "Khảm trai, sơn mài"
        ),
        new(4, "Làng nghề", "LN-SONDONG", "Làng tạc tượng Sơn Đồng", "Xã Sơn Đồng", "Thôn Sơn Đồng", "Điêu khắc gỗ"),
        new(5, "Làng nghề", "LN-PHUVINH", "Làng mây tre đan Phú Vinh", "Xã Phú Nghĩa", "Thôn Phú Vinh", "Mây tre đan"),
        new(
            6,
            "Cụm công nghiệp",
            "CCN-THACHTHAT",
            "Cụm công nghiệp Thạch Thất (mẫu)",
            "Xã Thạch Thất",
            "",
            "Cơ khí, chế biến"
        ),
        new(
            7,
            "Cụm công nghiệp",
            "CCN-THUONGTIN",
            "Cụm công nghiệp Thường Tín (mẫu)",
            "Xã Thường Tín",
            "",
            "Dệt may, cơ khí"
        ),
        new(
            8,
            "Cụm công nghiệp",
            "CCN-QUANGMINH",
            "Cụm công nghiệp Quang Minh (mẫu)",
            "Xã Quang Minh",
            "",
            "Điện tử, vật liệu"
        ),
    ];

    public Task<Outcome> ImportSampleAsync(CancellationToken ct) => ImportAsync(Sample, ct);

    public async Task<Outcome> ImportExcelAsync(Stream xlsx, CancellationToken ct)
    {
        var (rows, errors) = OutreachWorkbook.Read(xlsx, Required, Optional);
        // Formula cells are reported with the other rows' errors; a wrong header stops at once.
        if (errors.Count > 0 && rows.Count == 0)
            return new(0, 0, errors);
        var outcome = await ImportAsync(
            rows.Select(r => new PlaceRow(
                    r.Line,
                    r["Loại"],
                    r["Mã"],
                    r["Tên"],
                    r["Xã/phường"],
                    r["Địa chỉ"],
                    r["Ngành nghề"]
                ))
                .ToList(),
            ct,
            errors
        );
        return outcome;
    }

    public async Task<Outcome> ImportAsync(
        IReadOnlyList<PlaceRow> rows,
        CancellationToken ct,
        IReadOnlyList<RowError>? earlier = null
    )
    {
        var today = VietnamTime.Today(time);
        var communes = (
            await db.AdministrativeUnits.AsNoTracking().Where(u => u.Level == UnitLevel.Commune).ToListAsync(ct)
        )
            .Where(u => u.IsValidOn(today))
            .ToList();
        var existing = await db.OutreachPlaces.ToListAsync(ct);
        var errors = new List<RowError>(earlier ?? []);
        var parsed = new List<(PlaceRow Row, PlaceKind Kind, AdministrativeUnit Commune)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var lineErrors = new List<Phrase>();
            PlaceKind? kind = SearchText.Fold(r.Kind) switch
            {
                "cum cong nghiep" or "ccn" => PlaceKind.IndustrialCluster,
                "lang nghe" or "ln" => PlaceKind.CraftVillage,
                _ => null,
            };
            if (kind is null)
                lineErrors.Add(new("Loại phải là \"Cụm công nghiệp\" hoặc \"Làng nghề\"."));
            var code = r.Code.Trim().ToUpperInvariant();
            if (code.Length is 0 or > 40)
                lineErrors.Add(new("Mã bắt buộc, tối đa 40 ký tự."));
            else if (seen.TryGetValue(code, out var first))
                lineErrors.Add(new("Mã {0} trùng với dòng {1}.", code, first));
            else
                seen[code] = r.Line;
            if (r.Name.Trim().Length is 0 or > 300)
                lineErrors.Add(new("Tên bắt buộc, tối đa 300 ký tự."));
            var folded = SearchText.Fold(r.Commune);
            var commune = communes.FirstOrDefault(u => u.Code == r.Commune.Trim())
                ?? communes.FirstOrDefault(u => SearchText.Fold(u.Name) == folded);
            if (commune is null)
                lineErrors.Add(
                    new(
                        "Không tìm thấy xã/phường \"{0}\" trong danh mục đơn vị hành chính hiện hành (sau 01/07/2025).",
                        r.Commune
                    )
                );
            if (r.Address.Length > 500 || r.Trade.Length > 300)
                lineErrors.Add(new("Địa chỉ hoặc ngành nghề quá dài."));
            if (lineErrors.Count > 0)
                errors.Add(new RowError("", r.Line, [.. lineErrors]));
            else
                parsed.Add((r, kind!.Value, commune!));
        }
        if (errors.Count > 0)
            return new(0, 0, [.. errors.OrderBy(x => x.Line)]);
        int added = 0,
            updated = 0;
        foreach (var (r, kind, commune) in parsed)
        {
            var code = r.Code.Trim().ToUpperInvariant();
            var p = existing.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
            if (p is null)
            {
                p = new OutreachPlace { Code = code };
                db.OutreachPlaces.Add(p);
                added++;
            }
            else if (
                p.Kind == kind
                && p.Name == r.Name.Trim()
                && p.CommuneCode == commune.Code
                && p.Address == r.Address.Trim()
                && p.Trade == r.Trade.Trim()
            )
                continue;
            else
                updated++;
            p.Kind = kind;
            p.Name = r.Name.Trim();
            p.CommuneCode = commune.Code;
            p.CommuneName = commune.Name;
            p.Address = r.Address.Trim();
            p.Trade = r.Trade.Trim();
        }
        await db.SaveChangesAsync(ct);
        return new(added, updated, []);
    }
}
