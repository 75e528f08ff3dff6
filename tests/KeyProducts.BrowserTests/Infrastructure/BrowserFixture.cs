using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: TestCollectionOrderer("KeyProducts.Web.Tests.Infrastructure.LongestFirstOrderer", "KeyProducts.Web.Tests")]

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

/// <summary>One app, and contexts in the shared Debian Chromium, for the journeys (which change data, one after
/// another). Nothing is
/// downloaded.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public KestrelAppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Timeouts.Apply();
        _ = App.BaseUrl;
        // The first request of each page compiles its code; make it before the first journey's timeouts start counting.
        using (var http = new HttpClient { BaseAddress = App.BaseUrl, Timeout = TimeSpan.FromMinutes(2) })
            foreach (var path in new[] { "/", "/Account/Login", "/Public/Directory" })
                await http.GetAsync(new Uri(path, UriKind.Relative));
        Browser = await SharedChromium.AcquireAsync();
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

    /// <summary>Contexts that journeys finished with, by UI language: signed out (no cookies) and without pages but one
    /// blank page that keeps the context's renderer and HTTP cache warm.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<
        string,
        System.Collections.Concurrent.ConcurrentBag<IBrowserContext>
    > _idle = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IBrowserContext, string> _langs = new();

    /// <summary>A page in a browser context of its own, with no cookies, in the given UI language (tracing when
    /// TEST_TRACE=1). The context is new or one a finished journey gave back (<see cref="RecycleAsync"/>): measured
    /// on the 2-core machine, a new context costs Chromium about 1.3 s of CPU more than a recycled one (a renderer,
    /// the stylesheets, scripts and fonts loaded and compiled again), and the journeys open some fifty.</summary>
    public async Task<IPage> NewPageAsync(string lang = "vi")
    {
        if (!Tracing && _idle.TryGetValue(lang, out var idle) && idle.TryTake(out var recycled))
            return await recycled.NewPageAsync();
        var context = await Browser.NewContextAsync(
            new()
            {
                BaseURL = App.BaseUrl.ToString(),
                Locale = lang == "en" ? "en-US" : "vi-VN",
                ViewportSize = new() { Width = 1280, Height = 900 },
            }
        );
        await SetLanguageAsync(context, lang);
        if (Tracing)
            await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true });
        context.SetDefaultTimeout(Timeouts.Action);
        _langs[context] = lang;
        return await context.NewPageAsync();
    }

    private Task SetLanguageAsync(IBrowserContext context, string lang) =>
        lang == "en"
            ? context.AddCookiesAsync([
                new Cookie
                {
                    Name = ".KeyProducts.Culture",
                    Value = "en",
                    Url = App.BaseUrl.ToString(),
                },
            ])
            : Task.CompletedTask;

    /// <summary>Takes back a journey's context: its pages closed (without their beforeunload prompts), its cookies
    /// cleared (signed out, the language cookie set again), so that the next journey gets it as it would a new one.
    /// The journeys change nothing else at the context's level (no storage, routes, permissions or init scripts); a
    /// context that fails to clear is closed instead.</summary>
    public async Task RecycleAsync(IBrowserContext context)
    {
        if (Tracing || !_langs.TryGetValue(context, out var lang))
        {
            await context.CloseAsync();
            return;
        }
        try
        {
            var blank = await context.NewPageAsync();
            foreach (var page in context.Pages.Where(p => p != blank).ToList())
                await page.CloseAsync();
            await context.ClearCookiesAsync();
            await SetLanguageAsync(context, lang);
            _idle.GetOrAdd(lang, _ => []).Add(context);
        }
        catch (PlaywrightException)
        {
            _langs.TryRemove(context, out _);
            await context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _langs.Keys)
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            { /* already gone with the browser */
            }
        await SharedChromium.ReleaseAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Generous waits: on two cores four apps, four Chromiums and sometimes the integration tests share the CPU,
/// and a page that takes 6 s once must not fail a journey (Playwright's own expect default is 5 s). A passing run
/// never waits for them; a failing one reports a few seconds later.</summary>
public static class Timeouts
{
    public const float Action = 60_000;
    public const float Expect = 20_000;

    public static void Apply() => Assertions.SetDefaultExpectTimeout(Expect);
}

/// <summary>One Debian Chromium for the whole run: each fixture (an app of its own) opens its own contexts in it, so
/// the collections share one browser process, one GPU process and one network service instead of four of each. The
/// last fixture to finish closes it.</summary>
public static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    public static async Task<IBrowser> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _users++;
            if (_browser is { IsConnected: true })
                return _browser;
            _playwright ??= await Microsoft.Playwright.Playwright.CreateAsync();
            return _browser = await _playwright.Chromium.LaunchAsync(
                new()
                {
                    ExecutablePath = BrowserFixture.ChromiumPath,
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
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0)
                return;
            if (_browser is not null)
                await _browser.DisposeAsync();
            _playwright?.Dispose();
            (_browser, _playwright) = (null, null);
        }
        finally
        {
            Gate.Release();
        }
    }
}

[LongRunning(180)]
[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>A second app and Chromium for the journeys that do not depend on the current round (support, annual
/// reports,
/// the dashboard, the directory, registration): the two groups run side by side, each one journey after
/// another.</summary>
public sealed class SecondBrowserFixture : BrowserFixture;

[LongRunning(120)]
[CollectionDefinition("browser-2")]
public sealed class SecondBrowserCollection : ICollectionFixture<SecondBrowserFixture>;

/// <summary>The tours only read; they get their own app so that they run beside the journeys (xUnit runs
/// collections in parallel), on a fresh seed that no journey has changed.</summary>
public sealed class TourBrowserFixture : BrowserFixture;

[LongRunning(180)]
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
          return r.violations.map(v =>
            ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.html) }));
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

    /// <summary>Screenshots for looking at the pages (TEST_SCREENSHOTS=1). Without it, a journey keeps a screenshot
    /// only where something went wrong: a page too wide, a tour problem, an error the server logged. Each full-page
    /// PNG costs Chromium CPU that the suite's time budget on two cores does not have.</summary>
    public static bool Screenshots => Environment.GetEnvironmentVariable("TEST_SCREENSHOTS") is "1" or "true";
}
