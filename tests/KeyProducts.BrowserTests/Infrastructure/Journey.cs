using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Infrastructure;

/// <summary>Base of browser journeys: screenshot at the end, trace on failure, and no server errors allowed.</summary>
public abstract class Journey(BrowserFixture fx) : IAsyncLifetime
{
    protected BrowserFixture Fx { get; } = fx;
    private readonly List<IPage> _pages = [];

    protected async Task<IPage> OpenAsync(string lang = "vi")
    {
        var page = await Fx.NewPageAsync(lang);
        _pages.Add(page);
        return page;
    }

    /// <summary>Signs in through the form. One sign-in per role is saved for the run (cookies only): later journeys of
    /// that role restore it and open the landing page, falling back to the form if the server no longer accepts
    /// it.</summary>
    protected async Task LoginAsync(IPage page, string email, string password = AccountsSeeder.DemoPassword)
    {
        if (password == AccountsSeeder.DemoPassword && Fx.TryGetSignIn(email, out var saved))
        {
            var cookies = System
                .Text.Json.JsonDocument.Parse(saved.State)
                .RootElement.GetProperty("cookies")
                .EnumerateArray()
                .Select(c => new Cookie
                {
                    Name = c.GetProperty("name").GetString()!,
                    Value = c.GetProperty("value").GetString()!,
                    Domain = c.GetProperty("domain").GetString()!,
                    Path = c.GetProperty("path").GetString()!,
                    HttpOnly = c.GetProperty("httpOnly").GetBoolean(),
                    Secure = c.GetProperty("secure").GetBoolean(),
                    Expires = c.GetProperty("expires").GetSingle(),
                })
                .Where(c => c.Name != ".KeyProducts.Culture")
                .ToList();
            await page.Context.AddCookiesAsync(cookies);
            await page.GotoAsync(saved.Landing);
            if (!page.Url.Contains("/Account/Login", StringComparison.Ordinal))
                return;
            Fx.ForgetSignIn(email);
        }
        await LoginThroughFormAsync(page, email, password);
        if (password == AccountsSeeder.DemoPassword)
            Fx.SaveSignIn(email, await page.Context.StorageStateAsync(), page.Url);
    }

    /// <summary>Signs in through the login form every time (for journeys about signing in and out).</summary>
    protected static async Task LoginThroughFormAsync(
        IPage page,
        string email,
        string password = AccountsSeeder.DemoPassword
    )
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    public Task InitializeAsync()
    {
        Fx.App.Logs.Clear();
        return Task.CompletedTask;
    }

    /// <summary>A field's label exactly, with or without the "(bắt buộc)" mark required fields carry.</summary>
    protected static System.Text.RegularExpressions.Regex Label(string text) =>
        new($"^{System.Text.RegularExpressions.Regex.Escape(text)}( \\(bắt buộc\\))?$");

    /// <summary>With TEST_SCREENSHOTS=1, journeys keep a final screenshot of each page; tours (many short tests) set
    /// this to false. A server error always leaves one.</summary>
    protected virtual bool FinalScreenshots => true;

    public async Task DisposeAsync()
    {
        var name = GetType().Name;
        var i = 0;
        foreach (var page in _pages)
        {
            i++;
            try
            {
                if ((FinalScreenshots && Artifacts.Screenshots) || Fx.App.Logs.Errors.Count > 0)
                    await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"{name}-{i}.png"), FullPage = true });
                if (BrowserFixture.Tracing)
                    await page.Context.Tracing.StopAsync(new() { Path = Artifacts.PathFor($"{name}-{i}-trace.zip") });
            }
            catch (PlaywrightException)
            { /* the page may already be closed */
            }
            await Fx.RecycleAsync(page.Context);
        }
        Assert.True(
            Fx.App.Logs.Errors.Count == 0,
            "The server logged errors:\n" + string.Join("\n", Fx.App.Logs.Errors)
        );
    }
}
