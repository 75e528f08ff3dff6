using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data.Seed;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Enterprises;

[Collection("browser")]
public sealed class RulebookJourneys(BrowserFixture fx) : Journey(fx)
{
    [Fact]
    public async Task An_officer_copies_the_rulebook_edits_points_and_a_threshold_and_activates_it()
    {
        var page = await OpenAsync();
        await LoginAsync(page, AccountsSeeder.OfficerEmail);
        await page.GotoAsync("/Secretariat/Rulebook");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bộ tiêu chí Hà Nội 2018–2025" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("needs-confirmation")).ToBeVisibleAsync();
        await page.GetByTestId("copy-set").ClickAsync();
        await Assertions.Expect(page.GetByTestId("set-status")).ToHaveTextAsync("Bản nháp");

        await page.GetByTestId("edit-indicator-G1.1").ClickAsync();
        await page.GetByTestId("max-points").FillAsync("12,5");
        await page.GetByTestId("save-indicator").ClickAsync();
        await Assertions.Expect(page.GetByTestId("indicator-max-G1.1")).ToHaveTextAsync("12,5");
        await Assertions.Expect(page.GetByTestId("total")).ToContainTextAsync("102,5");

        await page.GetByTestId("track-B").GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await page.GetByTestId("min-revenue").FillAsync("một trăm tỷ");
        await page.GetByTestId("save-track").ClickAsync();
        await Assertions.Expect(page.GetByTestId("min-revenue-error")).ToContainTextAsync("Số tiền không hợp lệ");
        await Assertions.Expect(page.GetByTestId("min-revenue")).ToHaveValueAsync("một trăm tỷ");
        await page.GetByTestId("min-revenue").FillAsync("120.000.000.000");
        await page.GetByTestId("save-track").ClickAsync();
        await Assertions.Expect(page.GetByTestId("track-B")).ToContainTextAsync("120.000.000.000");

        await page.GetByTestId("edit-header").ClickAsync();
        await page.GetByTestId("pass-mark-input").FillAsync("72,5");
        await page.GetByTestId("save-header").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pass-mark")).ToContainTextAsync("72,5");

        await page.GetByTestId("activate-set").ClickAsync();
        await Assertions.Expect(page.GetByTestId("set-status")).ToHaveTextAsync("Đang áp dụng");
    }

    [Fact]
    public async Task The_rulebook_and_reference_pages_have_every_string_in_english()
    {
        var page = await OpenAsync("en");
        await LoginAsync(page, AccountsSeeder.OfficerEmail);
        await page.GotoAsync("/Secretariat/Rulebook");
        await page.Locator("[data-testid=criteria-sets] a").First.ClickAsync();
        foreach (var url in new[] { "/Secretariat/Enterprises", "/Secretariat/Rulebook" })
            Assert.Equal(200, (await page.GotoAsync(url))!.Status);
        var admin = await OpenAsync("en");
        await LoginAsync(admin, AccountsSeeder.AdminEmail);
        foreach (
            var url in new[]
            {
                "/Admin/Reference",
                "/Admin/Reference/Sectors",
                "/Admin/Reference/Units",
                "/Admin/Reference/Agencies",
                "/Admin/Reference/HighTech",
            }
        )
            Assert.Equal(200, (await admin.GotoAsync(url))!.Status);
        var missing = Fx.App.Translations.Missing.Keys.ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }
}
