using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Every role opens every page its work bar offers (the public bar anonymously) in English: each answers 200,
/// has a
/// heading, is not the error page, and no string on the way lacks an English translation. These were the English runs
/// of the
/// browser role tour; they check server-rendered text only, so they run as plain HTTP tests.</summary>
public sealed partial class EnglishTourTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(AccountsSeeder.EnterpriseEmail)]
    [InlineData(AccountsSeeder.OfficerEmail)]
    [InlineData(AccountsSeeder.CouncilEmail)]
    [InlineData("")]
    public async Task Every_page_in_the_navigation_renders_in_english_with_every_string_translated(string email)
    {
        using var c = TestClient.Anonymous(app);
        await c.UseEnglishAsync();
        string landing = "/";
        if (email.Length > 0)
        {
            var login = await c.LoginAsync(email, AccountsSeeder.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            landing = login.Headers.Location!.OriginalString;
        }
        var home = await c.GetHtmlAsync(landing);
        Assert.Contains("lang=\"en\"", home, StringComparison.Ordinal);
        // Signed-in roles tour their work bar; the public pages are toured once, anonymously.
        var nav =
            email.Length > 0
                ? WorkbarPattern().Match(home) is { Success: true } m
                    ? m.Value
                    : ""
                : string.Concat(NavPattern().Matches(home).Select(n => n.Value));
        var paths = LinkPattern().Matches(nav).Select(x => x.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(paths);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var r = await c.GetAsync(path);
            var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
            if (r.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{path}: HTTP {(int)r.StatusCode}");
                continue;
            }
            if (!html.Contains("<h1", StringComparison.Ordinal))
                problems.Add($"{path}: no h1");
            if (html.Contains("data-testid=\"error-page\"", StringComparison.Ordinal))
                problems.Add($"{path}: error page");
        }
        var missing = app.Services.GetRequiredService<TranslationTable>().Missing.Keys.ToList();
        if (missing.Count > 0)
            problems.Add("Missing English translations:\n" + string.Join("\n", missing));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex("<nav class=\"workbar\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex WorkbarPattern();

    [GeneratedRegex("<nav.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavPattern();

    [GeneratedRegex("<a class=\"nav-link[^\"]*\"[^>]*href=\"(/[^\"]*)\"")]
    private static partial Regex LinkPattern();
}
