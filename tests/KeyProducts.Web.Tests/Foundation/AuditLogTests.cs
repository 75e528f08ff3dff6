using System.Text.RegularExpressions;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The audit log reads like a log: localized actions, "field: before → after" instead of raw JSON, 50 rows a
/// page,
/// and filters by date range, user, kind of record and action.</summary>
public sealed partial class AuditLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_log_is_paged_filtered_and_readable()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var total = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.True(total > 50, $"the seed should leave more than one page of audit entries ({total})");

        var first = await c.GetHtmlAsync("/Admin/Audit");
        Assert.Equal(50, Rows(first));
        var newest = await app.WithDbAsync(db =>
            db.AuditEntries.OrderByDescending(a => a.Id).Skip(49).Select(a => a.Id).FirstAsync()
        );
        Assert.Contains($"href=\"/Admin/Audit?after={newest}\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"audit-prev\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">Added<", first, StringComparison.Ordinal);

        var modified = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Modified"));
        var filtered = await c.GetHtmlAsync("/Admin/Audit?action=Modified");
        Assert.Contains(
            modified > 1000 ? "Hơn 1.000 thay đổi" : $"{KeyProducts.Core.Common.VnFormat.Vnd(modified)} thay đổi",
            filtered,
            StringComparison.Ordinal
        );
        // The filter list names every kind of record without reading the log: one that has no entry yet too.
        Assert.Contains(
            "<option value=\"OutboxMessage\">Thư trong hộp thư đi</option>",
            filtered,
            StringComparison.Ordinal
        );
        Assert.Contains(
            total > 1000 ? "Hơn 1.000 thay đổi" : $"{KeyProducts.Core.Common.VnFormat.Vnd(total)} thay đổi",
            first,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("<td data-label=\"Thao tác\">Tạo mới</td>", filtered, StringComparison.Ordinal);

        var none = await c.GetHtmlAsync("/Admin/Audit?from=2001-01-01&to=2001-01-31");
        Assert.Equal(0, Rows(none));
        var nobody = await c.GetHtmlAsync("/Admin/Audit?user=khong-ai-ca");
        Assert.Equal(0, Rows(nobody));
    }

    [Fact]
    public async Task Changes_read_in_words_with_names_instead_of_ids()
    {
        var (enterpriseId, sectorName) = await app.WithDbAsync(async db =>
        {
            var e = await db
                .Enterprises.Include(x => x.Factories)
                .Where(x => x.Status == Core.Enterprises.EnterpriseStatus.Verified)
                .OrderBy(x => x.Id)
                .FirstAsync();
            var sector = await db.Sectors.Where(s => s.Id != e.SectorId).OrderBy(s => s.Id).FirstAsync();
            e.SectorId = sector.Id;
            var product = await db.Products.FirstAsync(p => p.EnterpriseId == e.Id);
            product.IsHighTech = !product.IsHighTech;
            await db.SaveChangesAsync();
            return (e.Id, sector.NameVi);
        });
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var history = await c.GetHtmlAsync($"/Secretariat/Enterprises/Details?id={enterpriseId}");
        Assert.Contains("<span class=\"fw-semibold\">Ngành</span>", history, StringComparison.Ordinal);
        Assert.Contains(sectorName, history, StringComparison.Ordinal);
        Assert.Contains("<span class=\"fw-semibold\">Sản phẩm công nghệ cao</span>", history, StringComparison.Ordinal);
        Assert.DoesNotContain("SectorId", history, StringComparison.Ordinal);
        Assert.DoesNotContain("IsHighTech", history, StringComparison.Ordinal);
        Assert.DoesNotContain(": True", history, StringComparison.Ordinal);
        Assert.DoesNotContain("→ False", history, StringComparison.Ordinal);

        var log = await c.GetHtmlAsync("/Admin/Audit?type=Enterprise");
        Assert.Contains(
            "<option value=\"Enterprise\" selected=\"selected\">Doanh nghiệp</option>",
            log,
            StringComparison.Ordinal
        );
        Assert.Contains("<td data-label=\"Loại dữ liệu\">Doanh nghiệp</td>", log, StringComparison.Ordinal);
        Assert.DoesNotContain(">SectorId<", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enum_values_and_related_records_read_as_names_in_both_languages()
    {
        // A mobilization target moves on (an enum and a [Flags] enum) and gets the officer as its owner (a user's id);
        // an enterprise moves to a new sector that is then deleted (an id that no longer names a record).
        var (targetId, enterpriseId, goneSector, officer) = await app.WithDbAsync(async db =>
        {
            var officer = await db.Users.SingleAsync(u => u.Email == AccountsSeeder.OfficerEmail);
            var target = await db.Set<Core.Outreach.MobilizationTarget>()
                .Where(t =>
                    t.Stage != Core.Outreach.MobilizationStage.Contacted
                    && t.Flags != (Core.Outreach.TargetFlags.LargeRevenue | Core.Outreach.TargetFlags.HighTech)
                )
                .OrderBy(t => t.Id)
                .FirstAsync();
            target.Stage = Core.Outreach.MobilizationStage.Contacted;
            target.Flags = Core.Outreach.TargetFlags.LargeRevenue | Core.Outreach.TargetFlags.HighTech;
            target.OwnerUserId = target.OwnerUserId == officer.Id ? null : officer.Id;
            var e = await db.Enterprises.OrderByDescending(x => x.Id).FirstAsync();
            var original = e.SectorId;
            var sector = new Core.Reference.Sector { Code = "TMP-AUDIT", NameVi = "Ngành tạm để xóa" };
            db.Add(sector);
            await db.SaveChangesAsync();
            e.SectorId = sector.Id;
            await db.SaveChangesAsync();
            e.SectorId = original;
            await db.SaveChangesAsync();
            db.Remove(sector);
            await db.SaveChangesAsync();
            return (target.Id, e.Id, sector.Id, officer.DisplayName);
        });
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var targetLog = await c.GetHtmlAsync($"/Admin/Audit?type=MobilizationTarget&id={targetId}");
        Assert.Contains("<span class=\"fw-semibold\">Bước vận động</span>", targetLog, StringComparison.Ordinal);
        Assert.Contains("→ Đã liên hệ</li>", targetLog, StringComparison.Ordinal);
        Assert.Contains("→ Doanh thu lớn, Công nghệ cao</li>", targetLog, StringComparison.Ordinal);
        Assert.Contains(officer, targetLog, StringComparison.Ordinal);
        var enterpriseLog = await c.GetHtmlAsync($"/Admin/Audit?type=Enterprise&id={enterpriseId}");
        Assert.Contains($"#{goneSector} (đã xóa)", enterpriseLog, StringComparison.Ordinal);
        var history = await c.GetHtmlAsync($"/Secretariat/Enterprises/Details?id={enterpriseId}");
        Assert.Contains($"#{goneSector} (đã xóa)", history, StringComparison.Ordinal);

        using var en = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        await en.UseEnglishAsync();
        var english = await en.GetHtmlAsync($"/Admin/Audit?type=MobilizationTarget&id={targetId}");
        Assert.Contains("<span class=\"fw-semibold\">Mobilization stage</span>", english, StringComparison.Ordinal);
        Assert.Contains("→ Contacted</li>", english, StringComparison.Ordinal);
        Assert.Contains("→ Large revenue, High-tech</li>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã liên hệ", english, StringComparison.Ordinal);
        var englishEnterprise = await en.GetHtmlAsync($"/Admin/Audit?type=Enterprise&id={enterpriseId}");
        Assert.Contains($"#{goneSector} (deleted)", englishEnterprise, StringComparison.Ordinal);
    }

    private static int Rows(string html) =>
        RowPattern()
            .Matches(Regex.Match(html, "data-testid=\"audit-log\".*?</table>", RegexOptions.Singleline).Value)
            .Count;

    [GeneratedRegex("<tr data-audit-id=\"[0-9]+\"><td class=\"text-nowrap\"")]
    private static partial Regex RowPattern();
}
