using Deque.AxeCore.Playwright;
using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Tour;

/// <summary>Every role opens every page its work bar offers (the public bar is toured anonymously) in Vietnamese: each page
/// answers 200, shows its heading, is not the error page, and has no serious accessibility violation (axe runs once per
/// distinct page in the run). A page with a problem leaves a screenshot in test-artifacts/. The English runs, which check
/// server-rendered text only, are plain HTTP tests: KeyProducts.Web.Tests Foundation/EnglishTourTests.</summary>
[Collection("browser")]
public sealed class RoleTour(BrowserFixture fx) : Journey(fx)
{
    public static TheoryData<string, string> Tours() => new()
    {
        { AccountsSeeder.EnterpriseEmail, "vi" }, { AccountsSeeder.OfficerEmail, "vi" }, { AccountsSeeder.CouncilEmail, "vi" },
        { AccountsSeeder.LeaderEmail, "vi" }, { AccountsSeeder.AdminEmail, "vi" }, { "", "vi" },
    };

    protected override bool FinalScreenshots => false;

    [Theory]
    [MemberData(nameof(Tours))]
    public async Task Every_page_in_the_navigation_renders_for_its_role(string email, string lang)
    {
        var page = await OpenAsync(lang);
        var role = email.Length == 0 ? "public" : email.Split('@')[0];
        if (email.Length > 0) await LoginAsync(page, email);
        else await page.GotoAsync("/");
        // Signed-in roles tour their work bar; the public pages are toured once, anonymously.
        var links = email.Length > 0 ? "[data-testid=workbar] a.nav-link[href^='/']" : "nav a.nav-link[href^='/']";
        var paths = await page.Locator(links).EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(paths);
        var problems = new List<string>();
        foreach (var path in paths.Distinct())
        {
            var before = problems.Count;
            var response = await page.GotoAsync(path);
            if (response is null || response.Status != 200) { problems.Add($"{path}: HTTP {response?.Status}"); continue; }
            if (await page.Locator("h1").CountAsync() == 0) problems.Add($"{path}: no h1");
            if (await page.Locator("[data-testid=error-page]").CountAsync() > 0) problems.Add($"{path}: error page");
            if (Fx.FirstAxeOf(path, lang))
            {
                var axe = await page.RunAxe();
                problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{path}: {v.Id} {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
            }
            if (problems.Count > before)
                await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"tour-{role}-{lang}{path.Replace('/', '_')}.png"), FullPage = true });
        }
        if (lang == "en")
        {
            var missing = Fx.App.Translations.Missing.Keys.ToList();
            if (missing.Count > 0) problems.Add("Missing English translations:\n" + string.Join("\n", missing));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
