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

    protected static async Task LoginAsync(IPage page, string email, string password = AccountsSeeder.DemoPassword)
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

    public async Task DisposeAsync()
    {
        var name = GetType().Name;
        var i = 0;
        foreach (var page in _pages)
        {
            i++;
            try
            {
                await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"{name}-{i}.png"), FullPage = true });
                await page.Context.Tracing.StopAsync(new() { Path = Artifacts.PathFor($"{name}-{i}-trace.zip") });
            }
            catch (PlaywrightException) { /* the page may already be closed */ }
            await page.Context.CloseAsync();
        }
        Assert.True(Fx.App.Logs.Errors.Count == 0, "The server logged errors:\n" + string.Join("\n", Fx.App.Logs.Errors));
    }
}
