using Deque.AxeCore.Playwright;
using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Tour;

/// <summary>Every role, on a 375 px phone, opens every page its work bar offers (the public bar is toured anonymously),
/// then the pages those link to (one per route shape, at most <see cref="MaxPages"/> per role). Each page answers 200,
/// is not the error page, has a heading, never scrolls sideways (wide tables scroll inside their own region or become
/// cards), breaks no content security policy, and has no serious or critical accessibility violation (axe runs once per
/// route shape in the run). A page with a problem leaves a screenshot in test-artifacts/. The English runs, which check
/// server-rendered text only, are plain HTTP tests: KeyProducts.Web.Tests Foundation/EnglishTourTests.
/// The tours only read: they run on their own app (a fresh seed), beside the journeys, which change data.</summary>
[Collection("browser-tours")]
public sealed class RoleTour(TourBrowserFixture fx) : Journey(fx)
{
    private const int MaxPages = 36;

    public static TheoryData<string> Roles() => new()
    {
        AccountsSeeder.AdminEmail, AccountsSeeder.EnterpriseEmail, AccountsSeeder.OfficerEmail, AccountsSeeder.CouncilEmail,
        AccountsSeeder.LeaderEmail, "",
    };

    protected override bool FinalScreenshots => false;

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_the_role_renders_fits_a_375_px_phone_and_passes_axe(string email)
    {
        var page = await OpenAsync();
        var role = email.Length == 0 ? "public" : email.Split('@')[0];
        var csp = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) csp.Add(page.Url + ": " + m.Text); };
        if (email.Length > 0) await LoginAsync(page, email);
        else await page.GotoAsync("/");
        await page.SetViewportSizeAsync(375, 800);
        // Signed-in roles tour their work bar; the public pages are toured once, anonymously.
        var links = email.Length > 0 ? "[data-testid=workbar] a.nav-link[href^='/']" : "nav a.nav-link[href^='/']";
        var bar = (await page.Locator(links).EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))")).Distinct().ToList();
        Assert.NotEmpty(bar);
        var queue = new Queue<string>(bar);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var path = queue.Dequeue();
            var shape = Shape(path);
            if (!seen.Add(path) || !shapes.Add(shape)) continue;
            var before = problems.Count;
            var response = await page.GotoAsync(path);
            if (bar.Contains(path) && response?.Status != 200) { problems.Add($"{path}: HTTP {response?.Status}"); continue; }
            if (response is null || response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal) != true) continue;
            visited++;
            if (response.Status >= 500 || await page.Locator("[data-testid=error-page]").CountAsync() > 0) problems.Add($"{path}: error page");
            else if (await page.Locator("h1").CountAsync() == 0) problems.Add($"{path}: no h1");
            var (scroll, client) = await WidthsAsync(page);
            if (scroll > client)
                problems.Add($"{path}: the page is {scroll} px wide on a {client} px screen (widest: {await page.EvaluateAsync<string>(WidestElement)})");
            if (Fx.FirstAxeOf(shape, "vi"))
            {
                var axe = await page.RunAxe(Axe.ViolationsOnly);
                problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{path}: {v.Id} {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
            }
            if (problems.Count > before)
                await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"tour-{role}{path.Replace('/', '_').Replace('?', '_')}.png"), FullPage = true });
            // Follow links in the page's main content (same origin, no downloads).
            foreach (var href in await page.Locator("main a[href^='/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
                if (!Skip(href)) queue.Enqueue(href.Split('#')[0]);
        }
        Assert.True(visited >= bar.Count, $"only {visited} of the {bar.Count} work bar pages were toured");
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

    /// <summary>A URL with its numbers and query values taken out: pages of one shape are toured once.</summary>
    private static string Shape(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = System.Text.RegularExpressions.Regex.Replace(q >= 0 ? url[..q] : url, @"/\d+(?=/|$)", "/{n}");
        return path + (q >= 0 ? "?" + string.Join("&", url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "");
    }
}
