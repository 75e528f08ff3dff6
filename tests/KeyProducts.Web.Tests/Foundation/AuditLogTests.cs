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

    private static int Rows(string html) =>
        RowPattern()
            .Matches(Regex.Match(html, "data-testid=\"audit-log\".*?</table>", RegexOptions.Singleline).Value)
            .Count;

    [GeneratedRegex("<tr><td class=\"text-nowrap\"")]
    private static partial Regex RowPattern();
}
