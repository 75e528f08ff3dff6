using System.Net;
using System.Text.RegularExpressions;

namespace KeyProducts.Web.Tests.Infrastructure;

/// <summary>Follows every internal link a signed-in client can reach from its start pages, breadth first: same origin,
/// GET only, at most <c>maxPerShape</c> URLs per route shape ("/Portal/Dossiers/Edit/{n}?handler"), never signing
/// out and never fetching the heavy downloads (exports, generated PDFs and Word files).</summary>
public static partial class SiteCrawler
{
    /// <summary>One page reached: its URL, the page that linked to it, the answer's status and, for HTML, the
    /// markup.</summary>
    public sealed record Page(string Url, string From, int Status, string? Html);

    /// <summary>Signs the client in as <paramref name="email"/> (anonymous when empty) and returns where its crawl
    /// starts: the role's landing page, then the home page.</summary>
    public static async Task<List<string>> StartAsync(TestClient c, string email)
    {
        var start = new List<string> { "/" };
        if (email.Length == 0)
            return start;
        var login = await c.LoginAsync(email, KeyProducts.Web.Data.Seed.AccountsSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        start.Insert(0, login.Headers.Location!.OriginalString);
        return start;
    }

    public static async Task<(List<Page> Pages, int Shapes)> CrawlAsync(
        TestClient c,
        IEnumerable<string> start,
        int maxPerShape,
        int maxPages
    )
    {
        var queue = new Queue<(string Url, string From)>(start.Select(s => (s, "start")));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<Page>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var (url, from) = queue.Dequeue();
            if (!seen.Add(url))
                continue;
            var shape = Shape(url);
            shapes.TryGetValue(shape, out var n);
            if (n >= maxPerShape)
                continue;
            shapes[shape] = n + 1;
            using var r = await c.GetAsync(url);
            var status = (int)r.StatusCode;
            if (
                status is 301 or 302 or 303 or 307 or 308
                && r.Headers.Location is { } loc
                && Internal(loc.OriginalString) is { } next
            )
            {
                pages.Add(new Page(url, from, status, null));
                queue.Enqueue((next, url));
                continue;
            }
            if (status == 404 || status >= 500 || r.Content.Headers.ContentType?.MediaType != "text/html")
            {
                pages.Add(new Page(url, from, status, null));
                continue;
            }
            var html = await r.Content.ReadAsStringAsync();
            pages.Add(new Page(url, from, status, html));
            foreach (Match m in LinkPattern().Matches(html))
                if (
                    Internal(WebUtility.HtmlDecode(m.Groups[1].Value)) is { } link
                    && !Skip(link)
                    && !seen.Contains(link)
                )
                    queue.Enqueue((link, url));
        }
        return (pages, shapes.Count);
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
    public static string Shape(string url)
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
