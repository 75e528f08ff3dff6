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
        Assert.Contains("href=\"/Admin/Audit?p=2\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">Added<", first, StringComparison.Ordinal);

        var modified = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Modified"));
        var filtered = await c.GetHtmlAsync("/Admin/Audit?action=Modified");
        Assert.Contains(
            $"{KeyProducts.Core.Common.VnFormat.Vnd(modified)} thay đổi",
            filtered,
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

    private static int Rows(string html) =>
        RowPattern()
            .Matches(Regex.Match(html, "data-testid=\"audit-log\".*?</table>", RegexOptions.Singleline).Value)
            .Count;

    [GeneratedRegex("<tr><td class=\"text-nowrap\"")]
    private static partial Regex RowPattern();
}
