using KeyProducts.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.ProgramKpis;

[Collection("browser")]
public sealed class DashboardJourneys(BrowserFixture fx) : Journey(fx)
{
    [Fact]
    public async Task A_leader_opens_the_dashboard_clicks_a_figure_and_lands_on_the_records_behind_it()
    {
        var page = await OpenAsync();
        await LoginAsync(page, "lanhdao@spcncl.demo.vn");
        await page.GotoAsync("/Leaders");
        await Assertions.Expect(page.GetByTestId("phase-percent-2018")).ToHaveTextAsync("146,25 %");
        await Assertions.Expect(page.GetByTestId("phase-products-2021")).ToHaveTextAsync("183");
        await Assertions.Expect(page.GetByTestId("cumulative-2023")).ToHaveTextAsync("229");
        await Assertions.Expect(page.Locator("canvas[data-kpi-chart]").First).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-1280.png"), FullPage = true });
        foreach (var id in new[] { "phase-summary", "target-progress", "year-table", "money" })
            await page.GetByTestId(id).ScreenshotAsync(new() { Path = Artifacts.PathFor($"dashboard-{id}.png") });
        await page.Locator("canvas[data-kpi-chart]").First.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-chart.png") });
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-375.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // A published figure leads to its source and the records held for that year.
        await page.GetByTestId("year-products-2021").ClickAsync();
        await page.WaitForURLAsync("**/Leaders/Records?kind=measurement**");
        await Assertions.Expect(page.GetByTestId("measurement-source")).ToContainTextAsync("S9");
        await Assertions.Expect(page.GetByTestId("recognitions")).ToContainTextAsync("5012/QĐ-UBND");
        await page.GoBackAsync();

        // A figure computed from records (the current round's phase) leads to those records.
        await page.GetByTestId("phase-products-2018").ClickAsync();
        await page.WaitForURLAsync("**/Leaders/Records?kind=recognitions**");
        await Assertions.Expect(page.GetByTestId("records-summary")).ToContainTextAsync("2018–2020");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-records.png"), FullPage = true });
    }
}
