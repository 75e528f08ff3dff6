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
}
