using System.Net;
using KeyProducts.Core.Program;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.ProgramKpis;

/// <summary>An enterprise reports its year, the officer reviews it, the KPIs follow; bad input stays beside the
/// field.</summary>
public sealed class AnnualReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Enterprise = "doanhnghiep@spcncl.demo.vn";
    private const string Officer = "canbo@spcncl.demo.vn";

    private static Dictionary<string, string> Figures(string productRevenue = "120.000.000.000") =>
        new()
        {
            ["Input.ProductRevenueVnd"] = productRevenue,
            ["Input.ProductProductionValueVnd"] = "110.000.000.000",
            ["Input.ProductExportUsd"] = "2.500.000",
            ["Input.EnterpriseRevenueVnd"] = "300.000.000.000",
            ["Input.EnterpriseProductionValueVnd"] = "280.000.000.000",
            ["Input.EnterpriseExportUsd"] = "4.000.000,50",
            ["Input.Employees"] = "850",
            ["Input.RdSpendingVnd"] = "3.000.000.000",
        };

    private async Task<YearFigure> RevenueAsync(int year)
    {
        using var scope = app.Services.CreateScope();
        var d = await scope.ServiceProvider.GetRequiredService<KpiQueries>().LoadAsync(new KpiFilter(), default);
        return d.Progress.Amount(KpiIndicator.Revenue, FigureBasis.Products, year);
    }

    [Fact]
    public async Task Bad_figures_are_refused_beside_the_field_and_nothing_is_saved()
    {
        var before = await app.WithDbAsync(db => db.AnnualReports.CountAsync());
        using var c = await TestClient.LoggedInAsync(app, Enterprise);
        var bad = Figures("1.000.000.000.000.000.000");
        bad["Input.ProductExportUsd"] = "-5";
        var r = await c.PostFormAsync("/Portal/AnnualReports", "/Portal/AnnualReports?handler=Submit", bad);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Số liệu không được âm.", html);
        Assert.Contains("1.000.000.000.000.000.000", html); // what the user typed comes back
        Assert.Equal(before, await app.WithDbAsync(db => db.AnnualReports.CountAsync()));
        Assert.False(
            await app.WithDbAsync(db => db.AnnualReports.AnyAsync(x => x.ProductRevenueVnd > AnnualReport.MaxVnd))
        );
    }

    [Fact]
    public async Task An_enterprise_submits_the_officer_accepts_and_the_revenue_KPI_changes()
    {
        Assert.Null((await RevenueAsync(2025)).Value);
        using var c = await TestClient.LoggedInAsync(app, Enterprise);
        var r = await c.PostFormAsync("/Portal/AnnualReports", "/Portal/AnnualReports?handler=Submit", Figures());
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var id = await app.WithDbAsync(db =>
            db.AnnualReports.Where(x => x.Year == 2025).Select(x => x.Id).SingleAsync()
        );
        Assert.Null((await RevenueAsync(2025)).Value); // submitted is not yet counted

        var again = await c.PostFormAsync("/Portal/AnnualReports", "/Portal/AnnualReports?handler=Save", Figures("1"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // a submitted report is locked

        using var o = await TestClient.LoggedInAsync(app, Officer);
        var list = await o.GetHtmlAsync("/Secretariat/AnnualReports?year=2025");
        Assert.Contains($"/Secretariat/AnnualReports/Review/{id}", list);
        var accept = await o.PostFormAsync(
            $"/Secretariat/AnnualReports/Review/{id}",
            $"/Secretariat/AnnualReports/Review/{id}?handler=Accept",
            new()
            {
                ["Version"] = await app.WithDbAsync(db =>
                    db.AnnualReports.Where(x => x.Id == id).Select(x => x.Version).SingleAsync()
                )
                    is var v
                    ? v.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : "0",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var revenue = await RevenueAsync(2025);
        Assert.Equal(120m, revenue.Value);
        Assert.Equal(FigureOrigin.Reported, revenue.Origin);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AnnualReport")));
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_officer_sees_who_is_overdue_and_reminds_them()
    {
        using var o = await TestClient.LoggedInAsync(app, Officer);
        var html = await o.GetHtmlAsync("/Secretariat/AnnualReports?year=2025&overdue=true");
        Assert.Contains("quá hạn", html);
        var before = await app.WithDbAsync(db => db.Outbox.CountAsync());
        var r = await o.PostFormAsync(
            "/Secretariat/AnnualReports?year=2025",
            "/Secretariat/AnnualReports?handler=Remind&year=2025",
            new()
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Outbox.CountAsync()) > before);
    }
}
