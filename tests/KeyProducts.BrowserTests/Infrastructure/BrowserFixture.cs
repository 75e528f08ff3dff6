using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Infrastructure;

/// <summary>The app on a real loopback port (Kestrel), with the real clock so that the seed's dates hold.</summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory() => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));

    protected override bool UseFakeClock => false;

    public Uri BaseUrl
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    public TranslationTable Translations => Services.GetRequiredService<TranslationTable>();
}

/// <summary>One app and one Debian Chromium for the journeys (which change data, one after another). Nothing is
/// downloaded.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public KestrelAppFactory App { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _ = App.BaseUrl;
        // The first request of each page compiles its code; make it before the first journey's timeouts start counting.
        using (var http = new HttpClient { BaseAddress = App.BaseUrl, Timeout = TimeSpan.FromMinutes(2) })
            foreach (var path in new[] { "/", "/Account/Login", "/Public/Directory" })
                await http.GetAsync(new Uri(path, UriKind.Relative));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                ],
            }
        );
    }

    /// <summary>Playwright traces cost a lot of time and disk; they are recorded only when TEST_TRACE=1 (re-run a
    /// failing
    /// journey with it to get a trace in test-artifacts/).</summary>
    public static bool Tracing => Environment.GetEnvironmentVariable("TEST_TRACE") is "1" or "true";

    /// <summary>Journeys share one app; the council journey confirms the current round's results, which closes it to
    /// new
    /// dossiers. A journey that needs the current round open arranges it again (as the seed made it).</summary>
    public Task ReopenCurrentRoundAsync() =>
        App.WithDbAsync(async db =>
        {
            var year = Core.Common.VietnamTime.Today(TimeProvider.System).Year;
            var round = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Rounds,
                r => r.Year == year
            );
            if (round.Status != Core.Rounds.RoundStatus.Published)
            {
                round.ForceStatusForSeed(Core.Rounds.RoundStatus.Published);
                await db.SaveChangesAsync();
            }
        });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _axed = new();

    /// <summary>True the first time a page (path and language) is claimed: axe runs once per distinct page per
    /// run.</summary>
    public bool FirstAxeOf(string path, string lang) => _axed.TryAdd(lang + " " + path, 0);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<
        string,
        (string State, string Landing)
    > _signIns = new();

    /// <summary>The saved sign-in (storage state JSON and landing URL) of a role, once it has signed in through the
    /// form.</summary>
    public bool TryGetSignIn(string email, out (string State, string Landing) saved) =>
        _signIns.TryGetValue(email, out saved);

    public void SaveSignIn(string email, string state, string landing) => _signIns[email] = (state, landing);

    public void ForgetSignIn(string email) => _signIns.TryRemove(email, out _);

    /// <summary>A fresh browser context (own cookies) in the given UI language (tracing when TEST_TRACE=1).</summary>
    public async Task<IPage> NewPageAsync(string lang = "vi")
    {
        var context = await Browser.NewContextAsync(
            new()
            {
                BaseURL = App.BaseUrl.ToString(),
                Locale = lang == "en" ? "en-US" : "vi-VN",
                ViewportSize = new() { Width = 1280, Height = 900 },
            }
        );
        if (lang == "en")
            await context.AddCookiesAsync([
                new Cookie
                {
                    Name = ".KeyProducts.Culture",
                    Value = "en",
                    Url = App.BaseUrl.ToString(),
                },
            ]);
        if (Tracing)
            await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true });
        // Generous: in CI the integration tests run beside the browser on two cores.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>A second app and Chromium for the journeys that do not depend on the current round (support, annual
/// reports,
/// the dashboard, the directory, registration): the two groups run side by side, each one journey after
/// another.</summary>
public sealed class SecondBrowserFixture : BrowserFixture;

[CollectionDefinition("browser-2")]
public sealed class SecondBrowserCollection : ICollectionFixture<SecondBrowserFixture>;

/// <summary>The tours only read; they get their own app and Chromium so that they run beside the journeys (xUnit runs
/// collections in parallel), on a fresh seed that no journey has changed.</summary>
public sealed class TourBrowserFixture : BrowserFixture;

[CollectionDefinition("browser-tours")]
public sealed class TourCollection : ICollectionFixture<TourBrowserFixture>;

/// <summary>One axe violation: the rule, its impact, what it asks, and the markup of the first nodes found.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string[] Nodes)
{
    public bool Serious => Impact is "serious" or "critical";

    public override string ToString() => $"{Id} {Help} ({string.Join(", ", Nodes)})";
}

/// <summary>Runs axe-core (the script bundled with Deque.AxeCore, nothing downloaded) in the page. Every rule runs and
/// only
/// the violations come back. Deque's own RunAxe spent about a second per page on injecting and serializing around a run
/// of 100-300 ms; this evaluates the script once per document and returns only what a failure message needs.</summary>
public static class Axe
{
    private static readonly string Script = new Deque.AxeCore.Commons.BundledAxeScriptProvider().GetScript();

    private const string Run = """
        async exclude => {
          const r = await axe.run(exclude ? { exclude: [exclude] } : document, { resultTypes: ['violations'] });
          return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) }));
        }
        """;

    /// <summary>The violations of the page; <paramref name="exclude"/> is a CSS selector of parts not to
    /// check.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page, string? exclude = null)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Script);
        var found = await page.EvaluateAsync<System.Text.Json.JsonElement>(Run, exclude);
        return found
            .EnumerateArray()
            .Select(v => new AxeViolation(
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").ValueKind == System.Text.Json.JsonValueKind.String
                    ? v.GetProperty("impact").GetString()
                    : null,
                v.GetProperty("help").GetString()!,
                v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString() ?? "").ToArray()
            ))
            .ToList();
    }
}

public static class Artifacts
{
    public static string Dir
    {
        get
        {
            var d = Environment.GetEnvironmentVariable("TEST_ARTIFACTS") is { Length: > 0 } p
                ? p
                : Path.Combine(Path.GetTempPath(), "kp-artifacts");
            Directory.CreateDirectory(d);
            return d;
        }
    }

    public static string PathFor(string name) => System.IO.Path.Combine(Dir, name);
}
