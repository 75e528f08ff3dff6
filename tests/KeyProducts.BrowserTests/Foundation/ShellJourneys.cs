using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Foundation;

[Collection("browser-tours")]
public sealed class ShellJourneys(TourBrowserFixture fx) : Journey(fx)
{
    [Theory]
    [InlineData(AccountsSeeder.AdminEmail, "/Admin")]
    [InlineData(AccountsSeeder.OfficerEmail, "/Secretariat")]
    [InlineData(AccountsSeeder.CouncilEmail, "/Council")]
    [InlineData(AccountsSeeder.LeaderEmail, "/Leaders")]
    [InlineData(AccountsSeeder.EnterpriseEmail, "/Portal")]
    public async Task Each_demo_role_logs_in_and_lands_on_its_own_home(string email, string home)
    {
        var page = await OpenAsync();
        await LoginThroughFormAsync(page, email);
        Assert.EndsWith(home, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-menu")).ToContainTextAsync(email);
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-link")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("vi", "/")]
    [InlineData("en", "/")]
    [InlineData("vi", "/Account/Login")]
    [InlineData("en", "/Account/Login")]
    [InlineData("vi", "/khong-co")]
    public async Task Pages_have_no_serious_accessibility_violations(string lang, string path)
    {
        var page = await OpenAsync(lang);
        await page.GotoAsync(path);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        Fx.FirstAxeOf(path, lang);
        var serious = (await Axe.RunAsync(page)).Where(v => v.Serious).ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>The axe helper itself finds what it must: an image without text and unreadable contrast, but not in
    /// rows it
    /// was told to leave out.</summary>
    [Fact]
    public async Task The_axe_check_reports_serious_violations()
    {
        var page = await OpenAsync();
        await page.SetContentAsync(
            """
            <html lang="vi"><head><title>t</title></head><body><main><h1>Thử</h1><img src="data:,">
            <p style="color:#ccc;background:#fff">chữ mờ</p>
            <table><tbody><tr><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr><tr><td><img src="data:," class="later"></td></tr></tbody></table>
            </main></body></html>
            """
        );
        var found = await Axe.RunAsync(page);
        Assert.Contains(found, v => v.Id == "image-alt" && v.Serious && v.Nodes.Length == 2);
        Assert.Contains(found, v => v.Id == "color-contrast" && v.Serious);
        var sampled = await Axe.RunAsync(page, "tbody > tr:nth-child(n+4)");
        Assert.Contains(sampled, v => v.Id == "image-alt" && v.Nodes.Length == 1);
    }

    [Fact]
    public async Task The_language_switch_keeps_the_page_and_english_has_every_string()
    {
        var page = await OpenAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("home-title")).ToHaveTextAsync("Key industrial products of Hanoi");
        await page.GotoAsync("/khong-co");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        var missing = Fx.App.Translations.Missing.Keys.ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_summary_and_keeps_the_email()
    {
        var page = await OpenAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(AccountsSeeder.OfficerEmail);
        await page.Locator("#Input_Password").FillAsync("Sai@matkhau1");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("email hoặc mật khẩu không đúng");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync(AccountsSeeder.OfficerEmail);
    }
}
