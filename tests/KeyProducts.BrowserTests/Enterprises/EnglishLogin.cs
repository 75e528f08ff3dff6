using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Enterprises;

/// <summary>Signs in by field ids, so it works whatever the UI language ("Email" is "E-mail" in English).</summary>
internal static class EnglishLogin
{
    public static async Task AsAsync(IPage page, string email, string password = Web.Data.Seed.AccountsSeeder.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }
}
