using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using KeyProducts.Web.Tests.Infrastructure;

namespace KeyProducts.Web.Tests.ProgramKpis;

/// <summary>The leaders' dashboard as a leader sees it: the must-show figures, links to records, Excel,
/// filters.</summary>
public sealed partial class LeadersDashboardPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Leader = "lanhdao@spcncl.demo.vn";

    [Fact]
    public async Task The_dashboard_shows_the_phase_results_and_links_each_number_to_its_records()
    {
        using var c = await TestClient.LoggedInAsync(app, Leader);
        var html = await c.GetHtmlAsync("/Leaders");
        Assert.Contains("146,25 %", html);
        Assert.Matches(@"data-testid=""phase-products-2018""[^>]*>117<", html);
        Assert.Matches(@"data-testid=""phase-products-2021""[^>]*>183<", html);
        Assert.Matches(@"data-testid=""cumulative-2023""[^>]*>229<", html);
        Assert.Contains("Số liệu đã công bố", html);

        var link = YearLink().Match(html);
        Assert.True(link.Success);
        var records = await c.GetHtmlAsync(link.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"measurement\"", records);
        Assert.Contains("tapchicongthuong.vn", records);
        Assert.Contains("5012/QĐ-UBND", records); // the demo records of 2021 are listed beside the published 46
        Assert.Empty(app.Logs.Errors);
    }

    [GeneratedRegex(@"data-testid=""year-products-2021"" href=""([^""]+)""")]
    private static partial Regex YearLink();

    [Fact]
    public async Task Every_table_downloads_as_Excel()
    {
        using var c = await TestClient.LoggedInAsync(app, Leader);
        var r = await c.GetAsync("/Leaders?handler=Excel");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var wb = new XLWorkbook(await r.Content.ReadAsStreamAsync());
        Assert.Contains(wb.Worksheets, w => w.Name == "GiaiDoan");
        var phases = wb.Worksheet("GiaiDoan");
        Assert.Contains(phases.RowsUsed(), row =>
            row.Cell(1).GetString() == "2018–2020" && row.Cell(3).GetDouble() == 117
        );
    }

    [Fact]
    public async Task A_sector_filter_counts_records_only_and_an_enterprise_cannot_see_the_dashboard()
    {
        using var c = await TestClient.LoggedInAsync(app, Leader);
        var html = await c.GetHtmlAsync("/Leaders?sector=1&year=2022");
        Assert.Contains("Đang lọc theo ngành", html);
        using var e = await TestClient.LoggedInAsync(app, "doanhnghiep@spcncl.demo.vn");
        var r = await e.GetAsync("/Leaders");
        Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
        var rr = await e.GetAsync("/Leaders/Records?kind=recognitions&from=2021&to=2021");
        Assert.NotEqual(HttpStatusCode.OK, rr.StatusCode);
    }

    [Fact]
    public async Task Funnel_numbers_lead_to_the_dossiers_of_the_round()
    {
        using var c = await TestClient.LoggedInAsync(app, Leader);
        var html = await c.GetHtmlAsync("/Leaders?phase=" + await PhaseIdAsync(2026));
        var m = Regex.Match(html, @"href=""(/Leaders/Records\?kind=dossiers&round=\d+&stage=submitted)"">(\d+)<");
        Assert.True(m.Success, "no funnel link");
        var records = await c.GetHtmlAsync(m.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal));
        Assert.Contains($"<strong>{m.Groups[2].Value}</strong>", records);
    }

    private Task<int> PhaseIdAsync(int start) =>
        app.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Phases, p => p.StartYear == start), p =>
                    p.Id
                )
            )
        );
}
