using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Help;

/// <summary>A visitor finds the help page from the navigation, downloads a form, and looks up a dossier's status
/// without
/// signing in; an enterprise downloads its filled-in form from the dossier. Each page fits 1280 and 375 px and passes
/// axe.</summary>
[Collection("browser-2")]
public sealed class HelpJourney(SecondBrowserFixture fx) : Journey(fx)
{
    private async Task CheckAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var wide = await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
            );
            if (wide || Artifacts.Screenshots)
                await page.ScreenshotAsync(
                    new() { Path = Artifacts.PathFor($"help-{name}-{width}.png"), FullPage = true }
                );
            Assert.False(wide, $"{name} scrolls sideways at {width} px");
        }
        var serious = (await Axe.RunAsync(page)).Where(v => v.Serious).ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("\n", serious));
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task A_visitor_reads_the_procedure_downloads_a_form_and_looks_up_a_dossier()
    {
        var (code, tax) = await Fx.App.WithDbAsync(async db =>
        {
            var d = await db
                .Dossiers.Where(x => x.Code != null && x.SubmittedAt != null)
                .OrderBy(x => x.Id)
                .FirstAsync();
            return (
                d.Code!,
                await db.Enterprises.Where(e => e.Id == d.EnterpriseId).Select(e => e.TaxCode).FirstAsync()
            );
        });
        var page = await OpenAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" })
            .GetByRole(AriaRole.Link, new() { Name = "Hướng dẫn" })
            .ClickAsync();
        await Assertions.Expect(page.GetByTestId("help-title")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Hướng dẫn · "));
        await Assertions.Expect(page.GetByTestId("help-steps").Locator("> li")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("help-hotline")).ToBeVisibleAsync();
        await CheckAsync(page, "page");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByTestId("template-phieu-dang-ky").ClickAsync()
        );
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Artifacts.PathFor("help-" + download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.True(new FileInfo(path).Length > 2000);

        // The lookup: empty fields are refused beside the fields; a wrong tax code finds nothing; the right pair shows
        // the status.
        await page.GetByTestId("help-status-link").ClickAsync();
        await page.GetByTestId("status-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_Code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Lỗi: "));
        await CheckAsync(page, "status-errors");
        await page.GetByLabel("Mã hồ sơ").FillAsync(code);
        await page.GetByLabel("Mã số thuế").FillAsync("0100233488" == tax ? "0314409058" : "0100233488");
        await page.GetByTestId("status-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-not-found")).ToBeVisibleAsync();
        await page.GetByLabel("Mã số thuế").FillAsync(tax);
        await page.GetByTestId("status-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-result")).ToContainTextAsync(code);
        await CheckAsync(page, "status-found");
    }

    [Fact]
    public async Task The_enterprise_downloads_its_registration_form_filled_in_from_the_dossier_page()
    {
        var id = await Fx.App.WithDbAsync(async db =>
        {
            var enterpriseId = await db
                .Users.Where(u => u.Email == AccountsSeeder.EnterpriseEmail)
                .Select(u => u.EnterpriseId)
                .FirstAsync();
            return await db
                .Dossiers.Where(d => d.EnterpriseId == enterpriseId)
                .OrderBy(d => d.Id)
                .Select(d => d.Id)
                .FirstAsync();
        });
        var page = await OpenAsync();
        await LoginAsync(page, AccountsSeeder.EnterpriseEmail);
        await page.GotoAsync($"/Portal/Dossiers/Edit/{id}/documents");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template-PDK").ClickAsync());
        Assert.Matches(@"^phieu-dang-ky-\d{4}\.docx$", download.SuggestedFilename);
        await download.SaveAsAsync(Artifacts.PathFor("help-filled-" + download.SuggestedFilename));
        await CheckAsync(page, "dossier-documents");
    }
}
