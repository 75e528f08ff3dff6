using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The W3C validator itself (the Nu Html Checker, <c>vnu.jar</c> from the npm package vnu-jar, run by Java;
/// nothing downloaded at test time) over one page of every route shape every role can reach: no error. The offline
/// <see cref="HtmlConformance"/> check in <see cref="LinkCheckTests"/> catches the usual mistakes on every page of
/// both providers; this one holds the pages to the whole specification. The markup does not depend on the database,
/// so the check runs in the SQLite run. Each data-entry form is also validated in its error state (sent back
/// empty). <c>./test.sh</c> installs what it needs (Java, <c>npm ci</c> in
/// tools/html-validator).</summary>
[LongRunning(32)]
public sealed class W3cValidatorTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private static readonly string[] Roles =
    [
        AccountsSeeder.EnterpriseEmail,
        AccountsSeeder.OfficerEmail,
        AccountsSeeder.CouncilEmail,
        AccountsSeeder.LeaderEmail,
        AccountsSeeder.AdminEmail,
        "",
    ];

    [Fact]
    public async Task One_page_of_every_route_shape_of_every_role_passes_the_W3C_validator()
    {
        if (AppFactory.IsPostgres)
        {
            output.WriteLine("The markup does not depend on the database: validated in the SQLite run.");
            return;
        }
        var jar = FindValidator();
        var dir = Directory.CreateTempSubdirectory("kp-w3c-");
        try
        {
            var files = await SavePagesAsync(dir.FullName);
            Assert.True(files.Count > 60, $"Only {files.Count} pages were saved: the crawl did not start.");
            var errors = await ValidateAsync(jar, dir.FullName, files);
            output.WriteLine($"{files.Count} pages validated, {errors.Count} errors");
            Assert.True(
                errors.Count == 0,
                $"The W3C validator found {errors.Count} errors on "
                    + $"{errors.Select(e => e.Split(' ')[0]).Distinct().Count()} pages:\n"
                    + string.Join("\n", errors.Take(120))
            );
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Crawls each role and saves the first page of each route shape; returns file name → "URL
    /// (role)".</summary>
    private async Task<Dictionary<string, string>> SavePagesAsync(string dir)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var email in Roles)
        {
            using var c = TestClient.Anonymous(app);
            var start = await SiteCrawler.StartAsync(c, email);
            var role = email.Length == 0 ? "anonymous" : email.Split('@')[0];
            var (pages, _) = await SiteCrawler.CrawlAsync(c, start, maxPerShape: 1, maxPages: 300);
            var mine = new List<SiteCrawler.Page>();
            foreach (var page in pages.Where(p => p.Html is not null && p.Status == 200))
                if (shapes.Add(SiteCrawler.Shape(page.Url)))
                {
                    mine.Add(page);
                    await SaveAsync(dir, files, page.Html!, $"{page.Url} ({role})");
                }
            // The same pages in their error state: each data-entry form sent back empty, as a user who pressed the
            // button without filling anything in would (the answer shows the error summary and the fields marked).
            foreach (var page in mine)
            foreach (var action in DataEntryForms(page))
            {
                if (!shapes.Add("POST " + SiteCrawler.Shape(action)))
                    continue;
                var token = TestClient.AntiforgeryToken(page.Html!);
                if (token is null)
                    continue;
                using var r = await c.PostWithTokenAsync(action, token, []);
                var html = await r.Content.ReadAsStringAsync();
                if (
                    r.Content.Headers.ContentType?.MediaType == "text/html"
                    && html.Contains("data-testid=\"error-summary\"", StringComparison.Ordinal)
                )
                    await SaveAsync(dir, files, html, $"{action} sent empty, HTTP {(int)r.StatusCode} ({role})");
            }
        }
        return files;
    }

    private static async Task SaveAsync(string dir, Dictionary<string, string> files, string html, string what)
    {
        var file = $"page-{files.Count:D3}.html";
        await File.WriteAllTextAsync(Path.Combine(dir, file), html);
        files[file] = what;
    }

    /// <summary>The actions of a page's POST forms that ask for data (a visible text, number, date or choice field),
    /// not the one-button forms that act at once, and never signing out.</summary>
    private static IEnumerable<string> DataEntryForms(SiteCrawler.Page page)
    {
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page.Html!);
        foreach (var form in doc.QuerySelectorAll("form[method=post i]"))
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : page.Url;
            if (
                !action.StartsWith('/')
                || action.Contains("Logout", StringComparison.OrdinalIgnoreCase)
                || form.QuerySelector(
                    "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=checkbox])"
                        + ":not([type=radio]):not([type=file]), select, textarea"
                )
                    is null
            )
                continue;
            yield return action;
        }
    }

    /// <summary>Runs the validator once over the folder; returns its errors as "URL (role) line:column: message
    /// [extract]".</summary>
    private static async Task<List<string>> ValidateAsync(string jar, string dir, Dictionary<string, string> files)
    {
        var psi = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        // One short run: the client compiler only, which halves the JVM's CPU for it, and one GC thread.
        foreach (
            var a in new[]
            {
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss4m",
                "-jar",
                jar,
                "--errors-only",
                "--format",
                "json",
                "--stdout",
                "--exit-zero-always",
                "--skip-non-html",
                dir,
            }
        )
            psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "Java is needed for the W3C validator: apt-get install default-jre-headless (./test.sh does it).",
                e
            );
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await p.WaitForExitAsync(timeout.Token);
            var json = await stdout;
            Assert.True(p.ExitCode == 0 && json.Length > 0, $"vnu.jar failed ({p.ExitCode}): {await stderr}");
            using var doc = JsonDocument.Parse(json);
            return doc
                .RootElement.GetProperty("messages")
                .EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m =>
                {
                    var file = Path.GetFileName(m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "");
                    var line = m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
                    var column = m.TryGetProperty("firstColumn", out var col) ? col.GetInt32() : 0;
                    var extract = m.TryGetProperty("extract", out var x) ? x.GetString()?.ReplaceLineEndings(" ") : "";
                    return $"{files.GetValueOrDefault(file, file)} {line}:{column}: "
                        + $"{m.GetProperty("message").GetString()} [{extract}]";
                })
                .ToList();
        }
    }

    /// <summary>tools/html-validator/node_modules/vnu-jar/build/dist/vnu.jar, found from the test output folder
    /// upwards.</summary>
    private static string FindValidator()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var jar = Path.Combine(d.FullName, "tools", "html-validator", "node_modules", "vnu-jar", "build", "dist");
            if (File.Exists(Path.Combine(jar, "vnu.jar")))
                return Path.Combine(jar, "vnu.jar");
        }
        throw new InvalidOperationException(
            "vnu.jar not found: run `npm ci --prefix tools/html-validator` (./test.sh does it)."
        );
    }
}
