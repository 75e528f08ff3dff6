using System.Net;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Each role (and an anonymous visitor) follows every internal link reachable from its start pages: no link
/// may
/// answer 404 or a server error. The crawl is bounded (same origin, GET only, a few URLs per route shape) and skips
/// sign-out and the heavy downloads (exports, generated PDFs and Word files). Every HTML page on the way also passes
/// the offline
/// HTML conformance check (<see cref="HtmlConformance"/>: the errors the W3C validator reported most).</summary>
[LongRunning(25)]
public sealed class LinkCheckTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const int MaxPerShape = 2;
    private const int MaxPages = 400;

    [Theory]
    [InlineData(AccountsSeeder.EnterpriseEmail)]
    [InlineData(AccountsSeeder.OfficerEmail)]
    [InlineData(AccountsSeeder.CouncilEmail)]
    [InlineData(AccountsSeeder.LeaderEmail)]
    [InlineData(AccountsSeeder.AdminEmail)]
    [InlineData("")]
    public async Task Every_internal_link_a_role_can_reach_answers_without_404_or_server_error(string email)
    {
        using var c = TestClient.Anonymous(app);
        var start = await SiteCrawler.StartAsync(c, email);
        app.Logs.Clear();
        var (pages, shapes) = await SiteCrawler.CrawlAsync(c, start, MaxPerShape, MaxPages);
        var visited = pages.Count;
        var broken = pages
            .Where(p => p.Status == 404 || p.Status >= 500)
            .Select(p => $"{p.Url} → {p.Status} (linked from {p.From})")
            .ToList();
        var invalid = pages
            .Where(p => p.Html is not null)
            .SelectMany(p => HtmlConformance.Problems(p.Html!).Select(problem => $"{p.Url}: {problem}"))
            .ToList();
        output.WriteLine($"{(email.Length == 0 ? "anonymous" : email)}: {visited} pages, {shapes} route shapes");
        Assert.True(
            visited > (email.Length == 0 ? 5 : 10),
            $"Only {visited} pages were reached: the crawl did not start."
        );
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
        Assert.True(
            invalid.Count == 0,
            $"HTML errors on {invalid.Select(i => i.Split(": ")[0]).Distinct().Count()} pages:\n"
                + string.Join("\n", invalid.Distinct().Take(80))
        );
        Assert.Empty(app.Logs.Errors);
    }
}
