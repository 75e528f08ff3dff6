using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>Imports a year's list of enterprises to mobilize. Each row is checked (tax code check digit, duplicates
/// in the file, amounts) and flagged against the year's thresholds; any error and nothing is saved. A tax code already
/// in the year's list has its figures updated; its owner, stage and contacts stay.</summary>
public sealed class ImportTargets(AppDbContext db, TimeProvider time)
{
    public static readonly string[] Required = ["Mã số thuế", "Tên doanh nghiệp", "Nguồn số liệu"];
    public static readonly string[] Optional =
    [
        "Ngành",
        "Xã/phường",
        "Doanh thu (đồng)",
        "Xuất khẩu (USD)",
        "Sản phẩm công nghệ cao",
        "Email",
    ];

    public sealed record Outcome(int Added, int Updated, int Flagged, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<MobilizationThresholds> ThresholdsAsync(int year, CancellationToken ct) =>
        (await db.TargetThresholds.AsNoTracking().FirstOrDefaultAsync(t => t.Year == year, ct))?.Rules
        ?? MobilizationThresholds.Plan2020;

    public async Task<Outcome> ExecuteAsync(int year, Stream xlsx, CancellationToken ct = default)
    {
        var (rows, errors) = OutreachWorkbook.Read(xlsx, Required, Optional);
        // Formula cells are reported with the other rows' errors; a wrong header stops at once.
        if (errors.Count > 0 && rows.Count == 0)
            return new(0, 0, 0, errors);
        var thresholds = await ThresholdsAsync(year, ct);
        var communes = await db
            .AdministrativeUnits.AsNoTracking()
            .Where(u => u.Level == Core.Reference.UnitLevel.Commune && u.ValidTo == null)
            .Select(u => new { u.Code, u.Name })
            .ToListAsync(ct);
        var existing = await db.MobilizationTargets.Where(t => t.Year == year).ToDictionaryAsync(t => t.TaxCode, ct);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var parsed = new List<MobilizationTarget>();
        foreach (var r in rows)
        {
            var e = new List<Phrase>();
            string tax = "";
            var rawTax = r["Mã số thuế"];
            // Excel turns a tax code typed as a number into 100233488: put back the leading zero it dropped.
            if (rawTax.Length is 9 or 12 && rawTax.All(char.IsAsciiDigit))
                rawTax = "0" + rawTax;
            if (!TaxCode.TryParse(rawTax, out var code))
                e.Add(
                    new("Mã số thuế \"{0}\" không hợp lệ (10 hoặc 13 chữ số, đúng chữ số kiểm tra).", r["Mã số thuế"])
                );
            else if (seen.TryGetValue(code.Value, out var first))
                e.Add(new("Mã số thuế {0} trùng với dòng {1}.", code.Value, first));
            else
            {
                tax = code.Value;
                seen[tax] = r.Line;
            }
            var name = r["Tên doanh nghiệp"];
            if (name.Length is 0 or > 300)
                e.Add(new("Tên doanh nghiệp bắt buộc, tối đa 300 ký tự."));
            var source = r["Nguồn số liệu"];
            if (source.Length is 0 or > 300)
                e.Add(new("Nguồn số liệu bắt buộc, tối đa 300 ký tự."));
            long? revenue = null,
                export = null;
            if (r["Doanh thu (đồng)"] is { Length: > 0 } rv)
            {
                if (Money.TryParseVnd(rv, out var v))
                    revenue = v;
                else
                    e.Add(new("Doanh thu \"{0}\" phải là số nguyên đồng.", rv));
            }
            if (r["Xuất khẩu (USD)"] is { Length: > 0 } xv)
            {
                if (Money.TryParseUsdCents(xv, out var c))
                    export = c;
                else
                    e.Add(new("Xuất khẩu \"{0}\" phải là số USD.", xv));
            }
            string? commune = null;
            if (r["Xã/phường"] is { Length: > 0 } cv)
            {
                var folded = SearchText.Fold(cv);
                commune = communes.FirstOrDefault(u => u.Code == cv || SearchText.Fold(u.Name) == folded)?.Code;
                if (commune is null)
                    e.Add(new("Không tìm thấy xã/phường \"{0}\" trong danh mục hiện hành.", cv));
            }
            var email = r["Email"];
            if (email.Length > 0 && !Infrastructure.Mail.MailAddresses.IsDeliverable(email))
                e.Add(new("Email \"{0}\" không hợp lệ.", email));
            var highTech = r["Sản phẩm công nghệ cao"];
            if (SearchText.Fold(highTech) is "khong" or "0" or "-")
                highTech = "";
            if (e.Count > 0)
            {
                errors.Add(new RowError("", r.Line, [.. e]));
                continue;
            }
            parsed.Add(
                new MobilizationTarget
                {
                    Year = year,
                    TaxCode = tax,
                    Name = name,
                    Sector = Cut(r["Ngành"], 200),
                    CommuneCode = commune,
                    RevenueVnd = revenue,
                    ExportUsdCents = export,
                    HighTechProduct = highTech.Length > 0 ? Cut(highTech, 300) : null,
                    Source = source,
                    Email = email.Length > 0 ? email.Trim() : null,
                    Flags = thresholds.Flag(revenue, export, highTech.Length > 0),
                    ImportedAt = now,
                }
            );
        }
        if (errors.Count > 0)
            return new(0, 0, 0, [.. errors.OrderBy(x => x.Line)]);
        int added = 0,
            updated = 0;
        foreach (var t in parsed)
        {
            if (existing.TryGetValue(t.TaxCode, out var old))
            {
                (
                    old.Name,
                    old.Sector,
                    old.CommuneCode,
                    old.RevenueVnd,
                    old.ExportUsdCents,
                    old.HighTechProduct,
                    old.Source,
                    old.Flags
                ) = (
                    t.Name,
                    t.Sector,
                    t.CommuneCode,
                    t.RevenueVnd,
                    t.ExportUsdCents,
                    t.HighTechProduct,
                    t.Source,
                    t.Flags
                );
                old.Email = t.Email ?? old.Email;
                updated++;
            }
            else
            {
                db.MobilizationTargets.Add(t);
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new(added, updated, parsed.Count(t => t.Flags != TargetFlags.None), []);
    }

    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;
}
