using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Pages that the work bar does not list (EnglishTourTests tours those): the council's pages, a score sheet,
/// the rulebook and reference lists, the enterprise's own pages and registration. Each answers 200 in English and no
/// string on them lacks an English translation. Plain HTTP, as these check server-rendered text only (they were
/// browser journeys once, at several seconds of Chromium each).</summary>
public sealed partial class EnglishPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string[]> Pages() =>
        new()
        {
            {
                AccountsSeeder.OfficerEmail,
                [
                    "/Secretariat/Council",
                    "/Secretariat/Council/Assignments",
                    "/Secretariat/Council/Progress",
                    "/Secretariat/Council/Results?normalized=true",
                    "/Secretariat/Council/Comments",
                    "/Secretariat/Council/Decision",
                    "/Secretariat/Enterprises",
                    "/Secretariat/Rulebook",
                    "first criteria set",
                ]
            },
            { AccountsSeeder.CouncilEmail, ["/Council", "/Council/Conflicts", "first score sheet"] },
            {
                AccountsSeeder.AdminEmail,
                [
                    "/Admin/Reference",
                    "/Admin/Reference/Sectors",
                    "/Admin/Reference/Units",
                    "/Admin/Reference/Agencies",
                    "/Admin/Reference/HighTech",
                ]
            },
            {
                AccountsSeeder.EnterpriseEmail,
                ["/Portal", "/Portal/Profile", "/Portal/Products", "/Portal/Products/Edit", "/Portal/Team"]
            },
            { "", ["/Account/Register"] },
        };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_beyond_the_work_bar_render_in_english_with_every_string_translated(
        string email,
        string[] paths
    )
    {
        using var c = TestClient.Anonymous(app);
        await c.UseEnglishAsync();
        if (email.Length > 0)
            Assert.Equal(HttpStatusCode.Redirect, (await c.LoginAsync(email, AccountsSeeder.DemoPassword)).StatusCode);
        var problems = new List<string>();
        string last = "";
        foreach (var named in paths)
        {
            var path = named switch
            {
                "first criteria set" => FirstLink(last, "/Secretariat/Rulebook/Details"),
                "first score sheet" => FirstLink(await c.GetHtmlAsync("/Council"), "/Council/Sheet/"),
                _ => named,
            };
            var r = await c.GetAsync(path);
            last = await r.Content.ReadAsStringAsync();
            if (r.StatusCode != HttpStatusCode.OK)
                problems.Add($"{path}: HTTP {(int)r.StatusCode}");
            else if (!last.Contains("lang=\"en\"", StringComparison.Ordinal))
                problems.Add($"{path}: not in English");
            else if (last.Contains("data-testid=\"error-page\"", StringComparison.Ordinal))
                problems.Add($"{path}: error page");
        }
        // Names and numbers interpolated into domain messages are not translation keys.
        var missing = app
            .Services.GetRequiredService<TranslationTable>()
            .Missing.Keys.Where(k => !Digit().IsMatch(k))
            .ToList();
        if (missing.Count > 0)
            problems.Add("Missing English translations:\n" + string.Join("\n", missing));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string FirstLink(string html, string prefix) =>
        WebUtility.HtmlDecode(
            Regex.Match(html, "href=\"(" + Regex.Escape(prefix) + "[^\"]+)\"") is { Success: true } m
                ? m.Groups[1].Value
                : throw new InvalidOperationException($"no link starting with {prefix}")
        );

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();
}
