using System.Net;
using System.Text.RegularExpressions;
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
public sealed partial class LinkCheckTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
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
        var start = new List<string> { "/" };
        if (email.Length > 0)
        {
            var login = await c.LoginAsync(email, AccountsSeeder.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            start.Insert(0, login.Headers.Location!.OriginalString);
        }
        app.Logs.Clear();
        var queue = new Queue<(string Url, string From)>(start.Select(s => (s, "start")));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var broken = new List<string>();
        var invalid = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            if (!seen.Add(url))
                continue;
            var shape = Shape(url);
            shapes.TryGetValue(shape, out var n);
            if (n >= MaxPerShape)
                continue;
            shapes[shape] = n + 1;
            visited++;
            using var r = await c.GetAsync(url);
            var status = (int)r.StatusCode;
            if (status == 404 || status >= 500)
            {
                broken.Add($"{url} → {status} (linked from {from})");
                continue;
            }
            if (
                status is 301 or 302 or 303 or 307 or 308
                && r.Headers.Location is { } loc
                && Internal(loc.OriginalString) is { } next
            )
            {
                queue.Enqueue((next, url));
                continue;
            }
            if (r.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            var html = await r.Content.ReadAsStringAsync();
            invalid.AddRange(HtmlConformance.Problems(html).Select(p => $"{url}: {p}"));
            foreach (Match m in LinkPattern().Matches(html))
                if (
                    Internal(WebUtility.HtmlDecode(m.Groups[1].Value)) is { } link
                    && !Skip(link)
                    && !seen.Contains(link)
                )
                    queue.Enqueue((link, url));
        }
        output.WriteLine($"{(email.Length == 0 ? "anonymous" : email)}: {visited} pages, {shapes.Count} route shapes");
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

    /// <summary>The same-origin path and query of a link, without its fragment; null for other origins and
    /// schemes.</summary>
    private static string? Internal(string href)
    {
        if (href.StartsWith("http://localhost", StringComparison.Ordinal))
            href = href["http://localhost".Length..];
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
            return null;
        var hash = href.IndexOf('#', StringComparison.Ordinal);
        return hash >= 0 ? href[..hash] : href;
    }

    private static bool Skip(string url) =>
        url.Length == 0
        || url.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("/scalar", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("/openapi", StringComparison.OrdinalIgnoreCase)
        || HeavyPattern().IsMatch(url);

    /// <summary>The route shape of a URL: numbers replaced, query values dropped
    /// ("/Portal/Dossiers/Edit/{n}?handler").</summary>
    private static string Shape(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = NumberPattern().Replace(q >= 0 ? url[..q] : url, "/{n}");
        var keys =
            q >= 0
                ? string.Join("&", url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal))
                : "";
        return path + "?" + keys;
    }

    [GeneratedRegex("<a\\b[^>]*?\\bhref=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(
        @"handler=(Export|Excel|Json|Pdf|Docx|Download|Minutes|Draft)|\.(pdf|docx|xlsx|zip)(\?|$)",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex HeavyPattern();
}
