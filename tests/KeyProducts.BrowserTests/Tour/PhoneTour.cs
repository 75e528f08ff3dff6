using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Tour;

/// <summary>On a 375 px phone, every page a role reaches (its work bar, then the pages those link to, a few per route
/// shape) fits the screen: the page itself never scrolls sideways (wide tables scroll inside their own region or become
/// cards), and no page breaks the content security policy. A page that fails leaves a screenshot in test-artifacts/.</summary>
[Collection("browser")]
public sealed class PhoneTour(BrowserFixture fx) : Journey(fx)
{
    private const int MaxPages = 45;

    public static TheoryData<string> Roles() => new()
    {
        AccountsSeeder.EnterpriseEmail, AccountsSeeder.OfficerEmail, AccountsSeeder.CouncilEmail,
        AccountsSeeder.LeaderEmail, AccountsSeeder.AdminEmail, "",
    };

    protected override bool FinalScreenshots => false;

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_fits_a_375_px_phone_without_sideways_scrolling(string email)
    {
        var page = await OpenAsync();
        var role = email.Length == 0 ? "public" : email.Split('@')[0];
        var csp = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) csp.Add(page.Url + ": " + m.Text); };
        if (email.Length > 0) await LoginAsync(page, email);
        else await page.GotoAsync("/");
        await page.SetViewportSizeAsync(375, 800);
        var links = email.Length > 0 ? "[data-testid=workbar] a.nav-link[href^='/']" : "nav a.nav-link[href^='/']";
        var queue = new Queue<string>(await page.Locator(links).EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"));
        Assert.NotEmpty(queue);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path) || !shapes.Add(Shape(path))) continue;
            var response = await page.GotoAsync(path);
            if (response is null || response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) != true) continue;
            visited++;
            var (scroll, client) = await WidthsAsync(page);
            if (scroll > client)
            {
                var culprit = await page.EvaluateAsync<string>(WidestElement);
                problems.Add($"{path}: the page is {scroll} px wide on a {client} px screen (widest: {culprit})");
                await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"phone-{role}{path.Replace('/', '_').Replace('?', '_')}.png"), FullPage = true });
            }
            // Follow links in the page's main content (same origin, no downloads).
            foreach (var href in await page.Locator("main a[href^='/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
                if (!Skip(href)) queue.Enqueue(href.Split('#')[0]);
        }
        Assert.True(visited >= 1, "no page was toured");
        problems.AddRange(csp.Distinct());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var w = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (w[0], w[1]);
    }

    /// <summary>The element sticking out furthest to the right, to say what to fix.</summary>
    private const string WidestElement = """
        () => {
          let worst = null, right = document.documentElement.clientWidth;
          const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; return false; };
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > right + 0.5 && scrolls(el)) continue;
            if (r.right > right + 0.5) { right = r.right; worst = el; }
          }
          if (!worst) for (const el of document.body.querySelectorAll('*')) if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') worst = el;
          return worst ? `${worst.tagName.toLowerCase()}.${[...worst.classList].join('.')} (${Math.round(right)} px): ${worst.outerHTML.slice(0, 120)}` : 'none';
        }
        """;

    private static bool Skip(string href) =>
        href.StartsWith("/Account/Logout", StringComparison.Ordinal) || href.StartsWith("/files/", StringComparison.Ordinal)
        || href.StartsWith("/open-data", StringComparison.Ordinal) || href.StartsWith("/openapi", StringComparison.Ordinal)
        || href.StartsWith("/scalar", StringComparison.Ordinal) || href.StartsWith("/.well-known", StringComparison.Ordinal)
        || href.Contains("handler=", StringComparison.Ordinal) || href.Contains("/Download", StringComparison.Ordinal)
        || href.Contains("/Document/", StringComparison.Ordinal) || href.EndsWith(".pdf", StringComparison.Ordinal);

    private static string Shape(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = System.Text.RegularExpressions.Regex.Replace(q >= 0 ? url[..q] : url, @"/\d+(?=/|$)", "/{n}");
        return path + (q >= 0 ? "?" + string.Join("&", url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "");
    }
}
