using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using KeyProducts.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Security;

/// <summary>The app on Kestrel as in production: two-factor sign-in required for officers and administrators.</summary>
public sealed class StaffTwoFactorKestrelApp : AppFactory
{
    public StaffTwoFactorKestrelApp() => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));

    protected override bool UseFakeClock => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireTwoFactorForStaff", "true");
    }
}

/// <summary>Its own app (contexts in the shared Chromium), so that the other journeys keep signing in staff with a
/// password only.</summary>
public sealed class StaffTwoFactorFixture : IAsyncLifetime
{
    public StaffTwoFactorKestrelApp App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Timeouts.Apply();
        App.StartServer();
        Browser = await SharedChromium.AcquireAsync();
    }

    public async Task<IPage> NewPageAsync(int width = 1280, string lang = "vi", string? storageState = null)
    {
        var context = await Browser.NewContextAsync(
            new()
            {
                StorageState = storageState,
                BaseURL = App.ClientOptions.BaseAddress.ToString(),
                Locale = lang == "en" ? "en-US" : "vi-VN",
                ViewportSize = new() { Width = width, Height = 900 },
            }
        );
        if (lang == "en")
            await context.AddCookiesAsync([
                new Cookie
                {
                    Name = ".KeyProducts.Culture",
                    Value = "en",
                    Url = App.ClientOptions.BaseAddress.ToString(),
                },
            ]);
        context.SetDefaultTimeout(Timeouts.Action);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await SharedChromium.ReleaseAsync();
        await App.DisposeAsync();
    }
}

public sealed class TwoFactorJourney(StaffTwoFactorFixture fx) : IClassFixture<StaffTwoFactorFixture>
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(AccountsSeeder.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        // The first sign-in of this fixture's own app (JIT, key ring, TOTP set-up page) runs while the other browser
        // collections keep both cores busy: it was seen to need more than the default 30 s in a full run.
        await page.WaitForURLAsync(
            url =>
                !url.Contains("/Account/Login?", StringComparison.Ordinal)
                && !url.EndsWith("/Account/Login", StringComparison.Ordinal),
            new() { Timeout = 90_000 }
        );
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-link")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_officer_sets_up_an_authenticator_then_signs_in_with_a_code_and_with_a_recovery_code()
    {
        var page = await fx.NewPageAsync();
        await SignInAsync(page, AccountsSeeder.OfficerEmail);

        // Sent to set up two-factor sign-in before anything else.
        await page.WaitForURLAsync("**/Account/TwoFactor/Setup");
        await Assertions.Expect(page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
        await page.GotoAsync("/Secretariat");
        await page.WaitForURLAsync("**/Account/TwoFactor/Setup");
        await Assertions.Expect(page.Locator(".qr-code svg")).ToBeVisibleAsync();
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("two-factor-setup-1280.png"), FullPage = true }
            );
        var small = await fx.NewPageAsync(375, storageState: await page.Context.StorageStateAsync());
        await small.GotoAsync("/Account/TwoFactor/Setup");
        if (Artifacts.Screenshots)
            await small.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("two-factor-setup-375.png"), FullPage = true }
            );
        await small.Context.CloseAsync();

        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.GetByTestId("two-factor-code").FillAsync("000000");
        await page.GetByTestId("two-factor-verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Mã xác thực không đúng");
        await page.GetByTestId("two-factor-code").FillAsync(Totp.Now(key));
        await page.GetByTestId("two-factor-verify").ClickAsync();
        await page.WaitForURLAsync("**/Account/TwoFactor/RecoveryCodes");
        var codes = await page.GetByTestId("recovery-codes").Locator("code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("two-factor-recovery-codes-1280.png"), FullPage = true }
            );
        await page.GotoAsync("/Secretariat");
        await Assertions.Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();

        // Next sign-in: the password, then a code from the app.
        await SignOutAsync(page);
        await SignInAsync(page, AccountsSeeder.OfficerEmail);
        await page.WaitForURLAsync("**/Account/LoginWith2fa**");
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("two-factor-login-1280.png"), FullPage = true }
            );
        await page.GetByTestId("two-factor-code").FillAsync(Totp.Now(key));
        await page.GetByTestId("two-factor-submit").ClickAsync();
        await page.WaitForURLAsync("**/Secretariat");
        await Assertions.Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();

        // Without the phone: a recovery code, once.
        await SignOutAsync(page);
        await SignInAsync(page, AccountsSeeder.OfficerEmail);
        await page.GetByTestId("use-recovery-code").ClickAsync();
        await page.GetByTestId("recovery-code").FillAsync(codes[0].ToLowerInvariant());
        await page.GetByTestId("recovery-submit").ClickAsync();
        await page.WaitForURLAsync("**/Secretariat");
        await page.GotoAsync("/Account/TwoFactor");
        await Assertions.Expect(page.GetByTestId("two-factor-state")).ToHaveTextAsync("Đang bật.");
        await Assertions.Expect(page.GetByTestId("two-factor-disable")).ToHaveCountAsync(0);
        Assert.True(fx.App.Logs.Errors.Count == 0, string.Join("\n", fx.App.Logs.Errors));
    }

    [Fact]
    public async Task An_enterprise_user_is_offered_two_factor_in_english_and_can_turn_it_off()
    {
        var page = await fx.NewPageAsync(lang: "en");
        await SignInAsync(page, AccountsSeeder.EnterpriseEmail);
        await page.WaitForURLAsync("**/Portal");
        await page.GotoAsync("/Account/TwoFactor");
        await Assertions.Expect(page.GetByTestId("two-factor-state")).ToHaveTextAsync("Off.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.GetByTestId("two-factor-code").FillAsync(Totp.Now(key));
        await page.GetByTestId("two-factor-verify").ClickAsync();
        await page.WaitForURLAsync("**/Account/TwoFactor/RecoveryCodes");
        await page.GotoAsync("/Account/TwoFactor");
        await Assertions.Expect(page.GetByTestId("two-factor-state")).ToHaveTextAsync("On.");
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(
                new() { Path = Artifacts.PathFor("two-factor-manage-en-1280.png"), FullPage = true }
            );
        await page.GetByTestId("two-factor-disable").ClickAsync();
        await Assertions.Expect(page.GetByTestId("two-factor-state")).ToHaveTextAsync("Off.");
        var missing = fx
            .App.Services.GetRequiredService<KeyProducts.Web.Infrastructure.Localization.TranslationTable>()
            .Missing.Keys.ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }
}
