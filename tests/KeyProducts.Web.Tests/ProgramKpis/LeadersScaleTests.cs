using System.Text.RegularExpressions;
using KeyProducts.Core.Program;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.ProgramKpis;

/// <summary>The leaders' dashboard and the home counters do not grow with the data (issues 10 and 16): the SQL command
/// count of a request is the same with more years of recognitions and reports, a repeated request is answered from the
/// KPI cache, and a change to the data shows on the next request.</summary>
public sealed partial class LeadersScaleTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Leader = "lanhdao@spcncl.demo.vn";

    private async Task<(int Commands, string Html)> CountAsync(TestClient c, string url)
    {
        using (app.Queries.Start())
        {
            var html = await c.GetHtmlAsync(url);
            return (app.Queries.Count, html);
        }
    }

    [Fact]
    public async Task The_dashboard_runs_the_same_number_of_queries_with_ten_more_years_of_records_and_reports()
    {
        using var c = await TestClient.LoggedInAsync(app, Leader);
        await c.GetHtmlAsync("/Leaders"); // JIT, first-use queries of the sign-in
        app.Services.GetRequiredService<KpiCache>().Evict();
        var (small, _) = await CountAsync(c, "/Leaders?phase=" + await PhaseIdAsync(2011));
        app.Services.GetRequiredService<KpiCache>().Evict();
        var (smallDefault, _) = await CountAsync(c, "/Leaders");

        await AddYearsOfRecordsAsync(2006, 2015);

        // The save above evicted the cache: these requests compute again, over more rows.
        var (large, html) = await CountAsync(c, "/Leaders?phase=" + await PhaseIdAsync(2011));
        Assert.Equal(small, large);
        Assert.Matches(@"data-testid=""year-products-2012""[^>]*>[1-9]", html);
        var (largeDefault, _) = await CountAsync(c, "/Leaders");
        Assert.Equal(smallDefault, largeDefault);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task A_repeated_request_is_answered_from_the_cache_and_a_new_recognition_shows_at_once()
    {
        using var c = await TestClient.LoggedInAsync(app, Leader);
        var url = "/Leaders?phase=" + await PhaseIdAsync(2011);
        app.Services.GetRequiredService<KpiCache>().Evict();
        var (cold, first) = await CountAsync(c, url);
        var (warm, again) = await CountAsync(c, url);
        Assert.True(warm < cold - 5, $"a cached dashboard ran {warm} commands, a computed one {cold}");
        Assert.Equal(Products2013(first), Products2013(again));

        await app.WithDbAsync(async db =>
        {
            var decision = await db.RecognitionDecisions.OrderBy(x => x.Id).FirstAsync();
            var taken = await db.Recognitions.Where(r => r.Year == 2013).Select(r => r.ProductId).ToListAsync();
            var p = await db.Products.Where(p => !taken.Contains(p.Id)).OrderBy(p => p.Id).FirstAsync();
            db.Recognitions.Add(
                new Recognition
                {
                    DecisionId = decision.Id,
                    ProductId = p.Id,
                    EnterpriseId = p.EnterpriseId,
                    Year = 2013,
                    ValidFrom = new DateOnly(2013, 12, 1),
                    ValidTo = new DateOnly(2016, 11, 30),
                }
            );
            await db.SaveChangesAsync();
        });
        var (_, after) = await CountAsync(c, url);
        Assert.Equal(Products2013(first) + 1, Products2013(after));
    }

    [Fact]
    public async Task The_home_counters_are_cached_and_follow_a_new_recognition()
    {
        using var anonymous = TestClient.Anonymous(app);
        app.Services.GetRequiredService<KpiCache>().Evict();
        var (cold, html) = await CountAsync(anonymous, "/");
        var (warm, _) = await CountAsync(anonymous, "/");
        Assert.Equal(cold - 4, warm);
        var count = Counter(html);

        await AddYearsOfRecordsAsync(2009, 2009);
        var (_, after) = await CountAsync(anonymous, "/");
        Assert.True(Counter(after) > count);
    }

    private static int Counter(string html) =>
        int.Parse(
            CounterValue().Match(html).Groups[1].Value.Replace(".", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture
        );

    /// <summary>The products figure of 2013 on the dashboard (a dash before the year has any record).</summary>
    private static int Products2013(string html) =>
        Year2013().Match(html) is { Success: true } m
            ? int.TryParse(
                m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal),
                System.Globalization.CultureInfo.InvariantCulture,
                out var n
            )
                ? n
                : 0
            : throw new InvalidOperationException("no products figure for 2013 on the dashboard");

    [GeneratedRegex(@"<div class=""value"">([\d.]+)</div><div>Lượt sản phẩm được công nhận")]
    private static partial Regex CounterValue();

    [GeneratedRegex(@"data-testid=""year-products-2013""[^>]*>([^<]*)<")]
    private static partial Regex Year2013();

    private Task<int> PhaseIdAsync(int start) =>
        app.WithDbAsync(db => db.Phases.Where(p => p.StartYear == start).Select(p => p.Id).SingleAsync());

    /// <summary>A recognition of every product and an accepted annual report of every enterprise for each year, in one
    /// save.</summary>
    private Task AddYearsOfRecordsAsync(int from, int to) =>
        app.WithDbAsync(async db =>
        {
            var decision = await db.RecognitionDecisions.OrderBy(x => x.Id).FirstAsync();
            var products = await db.Products.Select(p => new { p.Id, p.EnterpriseId }).ToListAsync();
            var held = (await db.Recognitions.Select(r => new { r.ProductId, r.Year }).ToListAsync()).ToHashSet();
            var reported = (
                await db.AnnualReports.Select(r => new { r.EnterpriseId, r.Year }).ToListAsync()
            ).ToHashSet();
            var now = app.Clock.GetUtcNow();
            for (var year = from; year <= to; year++)
            {
                foreach (var p in products.Where(p => !held.Contains(new { ProductId = p.Id, Year = year })))
                    db.Recognitions.Add(
                        new Recognition
                        {
                            DecisionId = decision.Id,
                            ProductId = p.Id,
                            EnterpriseId = p.EnterpriseId,
                            Year = year,
                            Top10 = p.Id % 3 == 0,
                            ValidFrom = new DateOnly(year, 12, 1),
                            ValidTo = new DateOnly(year + 3, 11, 30),
                        }
                    );
                foreach (
                    var e in products
                        .Select(p => p.EnterpriseId)
                        .Distinct()
                        .Where(e => !reported.Contains(new { EnterpriseId = e, Year = year }))
                )
                {
                    var report = new AnnualReport
                    {
                        EnterpriseId = e,
                        Year = year,
                        CreatedAt = now,
                        ProductRevenueVnd = 120_000_000_000,
                        ProductProductionValueVnd = 110_000_000_000,
                        ProductExportUsdCents = 250_000_000,
                        EnterpriseRevenueVnd = 300_000_000_000,
                        EnterpriseProductionValueVnd = 280_000_000_000,
                        EnterpriseExportUsdCents = 400_000_000,
                        Employees = 850,
                        RdSpendingVnd = 3_000_000_000,
                    };
                    report.AcceptEnteredByOfficer("bench", now);
                    db.AnnualReports.Add(report);
                }
            }
            await db.SaveChangesAsync();
        });
}
