using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Tour;

/// <summary>Every role, on a 375 px phone, opens every page its work bar offers (the public bar is toured anonymously),
/// then the pages those link to (one per route shape, at most <see cref="MaxPages"/> per role), three tabs at a time.
/// Each page answers 200, is not the error page, has a heading, never scrolls sideways (wide tables scroll inside their
/// own
/// region or become cards), breaks no content security policy, and has no serious or critical accessibility violation
/// (axe runs once per page template in the run). A page with a problem leaves a screenshot in test-artifacts/. The
/// English
/// runs, which check server-rendered text only, are plain HTTP tests: KeyProducts.Web.Tests
/// Foundation/EnglishTourTests.
/// The tours only read: they run on their own app (a fresh seed), beside the journeys, which change data.</summary>
[Collection("browser-tours")]
public sealed class RoleTour(TourBrowserFixture fx) : Journey(fx)
{
    private const int MaxPages = 36;

    public static TheoryData<string> Roles() =>
        new()
        {
            AccountsSeeder.AdminEmail,
            AccountsSeeder.EnterpriseEmail,
            AccountsSeeder.OfficerEmail,
            AccountsSeeder.CouncilEmail,
            AccountsSeeder.LeaderEmail,
            "",
        };

    protected override bool FinalScreenshots => false;

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_of_the_role_renders_fits_a_375_px_phone_and_passes_axe(string email)
    {
        var first = await OpenAsync();
        var role = email.Length == 0 ? "public" : email.Split('@')[0];
        if (email.Length > 0)
            await LoginAsync(first, email);
        else
            await first.GotoAsync("/");
        // Signed-in roles tour their work bar; the public pages are toured once, anonymously.
        var links = email.Length > 0 ? "[data-testid=workbar] a.nav-link[href^='/']" : "nav a.nav-link[href^='/']";
        var bar = (await first.Locator(links).EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            .Distinct()
            .ToList();
        Assert.NotEmpty(bar);
        var tour = new TourState(bar);
        // Pages load while others are checked: a few tabs of the same signed-in context work through one queue.
        var tabs = new List<IPage> { first };
        for (var i = 1; i < Tabs; i++)
            tabs.Add(await first.Context.NewPageAsync());
        await Task.WhenAll(tabs.Select(tab => VisitAsync(tab, role, tour)));
        Assert.True(tour.Visited >= bar.Count, $"only {tour.Visited} of the {bar.Count} work bar pages were toured");
        var problems = tour.Problems.Concat(tour.Csp.Distinct()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Tabs per role: page loads and axe runs overlap, which keeps both cores busy.</summary>
    private const int Tabs = 3;

    /// <summary>The shared queue of one role's tour (tabs take turns under the lock).</summary>
    private sealed class TourState(List<string> bar)
    {
        public readonly object Gate = new();
        public readonly List<string> Bar = bar;
        public readonly Queue<string> Queue = new(bar);
        public readonly HashSet<string> Seen = new(StringComparer.Ordinal);
        public readonly HashSet<string> Shapes = new(StringComparer.Ordinal);
        public readonly List<string> Problems = [];
        public readonly List<string> Csp = [];
        public int Visited;
        public int InFlight;

        /// <summary>The next page of a shape not yet toured, null when the tour is over, "" to wait for links still
        /// coming.</summary>
        public string? Next()
        {
            lock (Gate)
            {
                while (Visited + InFlight < MaxPages && Queue.TryDequeue(out var path))
                    if (Seen.Add(path) && Shapes.Add(Shape(path)))
                    {
                        InFlight++;
                        return path;
                    }
                return InFlight > 0 && Visited + InFlight < MaxPages ? "" : null;
            }
        }
    }

    private async Task VisitAsync(IPage page, string role, TourState tour)
    {
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (tour.Gate)
                    tour.Csp.Add(page.Url + ": " + m.Text);
        };
        await page.SetViewportSizeAsync(375, 800);
        while (tour.Next() is { } path)
        {
            if (path.Length == 0)
            {
                await Task.Delay(50);
                continue;
            }
            var (found, links, html) = await CheckAsync(page, role, path, tour.Bar.Contains(path));
            lock (tour.Gate)
            {
                tour.InFlight--;
                if (html)
                    tour.Visited++;
                tour.Problems.AddRange(found);
                foreach (var href in links)
                    if (!Skip(href))
                        tour.Queue.Enqueue(href.Split('#')[0]);
            }
        }
    }

    /// <summary>Opens one page and checks it: its problems, the links of its main content, and whether it was an HTML
    /// page.</summary>
    private async Task<(List<string> Problems, string[] Links, bool Html)> CheckAsync(
        IPage page,
        string role,
        string path,
        bool inBar
    )
    {
        var problems = new List<string>();
        var response = await page.GotoAsync(path);
        if (inBar && response?.Status != 200)
            return ([$"{path}: HTTP {response?.Status}"], [], false);
        if (
            response is null
            || response.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html", StringComparison.Ordinal)
                != true
        )
            return ([], [], false);
        if (response.Status >= 500 || await page.Locator("[data-testid=error-page]").CountAsync() > 0)
            problems.Add($"{path}: error page");
        else if (await page.Locator("h1").CountAsync() == 0)
            problems.Add($"{path}: no h1");
        var (scroll, client) = await WidthsAsync(page);
        if (scroll > client)
            problems.Add(
                $"{path}: the page is {scroll} px wide on a {client} px screen (widest: "
                    + $"{await page.EvaluateAsync<string>(WidestElement)})"
            );
        if (Fx.FirstAxeOf(Template(path), "vi"))
        {
            problems.AddRange(
                (await Axe.RunAsync(page, SampledRows)).Where(v => v.Serious).Select(v => $"{path}: {v}")
            );
        }
        if (problems.Count > 0)
            await page.ScreenshotAsync(
                new()
                {
                    Path = Artifacts.PathFor($"tour-{role}{path.Replace('/', '_').Replace('?', '_')}.png"),
                    FullPage = true,
                }
            );
        // Follow links in the page's main content (same origin, no downloads).
        var links = await page.Locator("main a[href^='/']")
            .EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        return (problems, links, true);
    }

    /// <summary>Axe checks the first three rows of each table body: the other rows come from the same markup, and on
    /// long
    /// lists they made most of the tour's time (colour contrast is computed for every cell).</summary>
    private const string SampledRows = "tbody > tr:nth-child(n+4)";

    /// <summary>A page's template: its path with numbers taken out and without the query (the records page filtered by
    /// year
    /// or by sector is one template). Axe runs once per template; the width check runs on every page toured.</summary>
    private static string Template(string url) => Shape(url).Split('?')[0];

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var w = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        );
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
        href.StartsWith("/Account/Logout", StringComparison.Ordinal)
        || href.StartsWith("/files/", StringComparison.Ordinal)
        || href.StartsWith("/open-data", StringComparison.Ordinal)
        || href.StartsWith("/openapi", StringComparison.Ordinal)
        || href.StartsWith("/scalar", StringComparison.Ordinal)
        || href.StartsWith("/.well-known", StringComparison.Ordinal)
        || href.Contains("handler=", StringComparison.Ordinal)
        || href.Contains("/Download", StringComparison.Ordinal)
        || href.Contains("/Document/", StringComparison.Ordinal)
        || href.EndsWith(".pdf", StringComparison.Ordinal);

    /// <summary>A URL with its numbers and query values taken out: pages of one shape are toured once.</summary>
    private static string Shape(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = System.Text.RegularExpressions.Regex.Replace(q >= 0 ? url[..q] : url, @"/\d+(?=/|$)", "/{n}");
        return path
            + (
                q >= 0
                    ? "?"
                        + string.Join(
                            "&",
                            url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)
                        )
                    : ""
            );
    }
}
