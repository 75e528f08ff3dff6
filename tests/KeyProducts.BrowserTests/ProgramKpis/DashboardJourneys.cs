using KeyProducts.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.ProgramKpis;

[Collection("browser-2")]
public sealed class DashboardJourneys(SecondBrowserFixture fx) : Journey(fx)
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
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-1280.png"), FullPage = true });
        foreach (var id in new[] { "phase-summary", "target-progress", "year-table", "money" })
            if (Artifacts.Screenshots)
                await page.GetByTestId(id).ScreenshotAsync(new() { Path = Artifacts.PathFor($"dashboard-{id}.png") });
        if (Artifacts.Screenshots)
            await page.Locator("canvas[data-kpi-chart]")
                .First.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-chart.png") });
        await page.SetViewportSizeAsync(375, 800);
        if (Artifacts.Screenshots)
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
        if (Artifacts.Screenshots)
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-records.png"), FullPage = true });
    }
}

[Collection("browser-2")]
public sealed class AnnualReportJourneys(SecondBrowserFixture fx) : Journey(fx)
{
    [Fact]
    public async Task An_enterprise_submits_its_annual_report_the_officer_accepts_it_and_the_KPI_changes()
    {
        var leader = await OpenAsync();
        await LoginAsync(leader, "lanhdao@spcncl.demo.vn");
        await leader.GotoAsync("/Leaders");
        var cell = leader.GetByTestId("money-2025-Products").Locator("td").Nth(1);
        await Assertions.Expect(cell).ToHaveTextAsync("chưa có số liệu");

        var enterprise = await OpenAsync();
        await LoginAsync(enterprise, "doanhnghiep@spcncl.demo.vn");
        await enterprise.GotoAsync("/Portal/AnnualReports");
        await enterprise.GetByLabel("Doanh thu (đồng)").First.FillAsync("150.000.000.000");
        await enterprise.GetByLabel("Giá trị sản xuất (đồng)").First.FillAsync("140.000.000.000");
        await enterprise.GetByLabel("Kim ngạch xuất khẩu (USD)").First.FillAsync("2.000.000");
        await enterprise.GetByLabel("Doanh thu (đồng)").Nth(1).FillAsync("400.000.000.000");
        await enterprise.GetByLabel("Giá trị sản xuất (đồng)").Nth(1).FillAsync("380.000.000.000");
        await enterprise.GetByLabel("Kim ngạch xuất khẩu (USD)").Nth(1).FillAsync("3.000.000");
        await enterprise.GetByLabel("Số lao động (người)").FillAsync("900");
        await enterprise.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(enterprise.GetByTestId("report-state")).ToHaveTextAsync("Đã nộp, chờ tiếp nhận");

        var officer = await OpenAsync();
        await LoginAsync(officer, "canbo@spcncl.demo.vn");
        await officer.GotoAsync("/Secretariat/AnnualReports?year=2025");
        await officer.GetByTestId("due-list").Locator("a").First.ClickAsync();
        await officer.GetByTestId("accept-report").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("report-state")).ToHaveTextAsync("Đã tiếp nhận");

        await leader.ReloadAsync();
        await Assertions.Expect(cell).ToHaveTextAsync("150");
        await cell.Locator("a").ClickAsync();
        await Assertions.Expect(leader.GetByTestId("reports")).ToContainTextAsync("150.000.000.000");
    }
}
