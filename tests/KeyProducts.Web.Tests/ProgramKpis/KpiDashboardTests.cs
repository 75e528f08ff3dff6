using KeyProducts.Core.Program;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.ProgramKpis;

/// <summary>The figures the program must show (issue 10), computed by the dashboard's own queries from the shipped
/// public history and the demo seed's records, never from constants.</summary>
public sealed class KpiDashboardTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<KpiDashboard> LoadAsync(KpiFilter filter)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KpiQueries>().LoadAsync(filter, CancellationToken.None);
    }

    private static PhaseSummary PhaseOf(KpiDashboard d, int start) =>
        d.PhaseSummaries.Single(p => p.Phase.StartYear == start);

    [Fact]
    public async Task Phase_2018_2020_shows_117_products_146_25_percent_of_the_target_of_80()
    {
        var d = await LoadAsync(new KpiFilter());
        var phase = PhaseOf(d, 2018);
        Assert.Equal(117m, phase.Products.Value);
        Assert.Equal(80m, phase.Target!.Min);
        Assert.True(phase.Target.MinExclusive);
        Assert.Equal(146.25m, phase.Percent);
        Assert.Equal(TargetStatus.Reached, phase.Status);
        Assert.Equal(FigureOrigin.Historical, phase.Products.Origin);
        Assert.Equal("146,25 %", KpiFormat.Percent(phase.Percent));
    }

    [Fact]
    public async Task Phase_2021_2025_shows_183_products_against_150_180_without_counting_demo_records_twice()
    {
        var d = await LoadAsync(new KpiFilter());
        var phase = PhaseOf(d, 2021);
        Assert.Equal(183m, phase.Products.Value);
        Assert.Equal((150m, 180m), (phase.Target!.Min!.Value, phase.Target.Max!.Value));
        Assert.Equal(TargetStatus.Above, phase.Status);
        // The demo seed holds recognitions for 2021–2025 too; the published figure of each year wins (decision 0010).
        var held = d.Years.Where(y => y.Year is >= 2021 and <= 2025).Sum(y => y.RecordsHeld);
        Assert.True(held > 0);
        Assert.All(d.Years.Where(y => y.Year is >= 2021 and <= 2025), y =>
            Assert.Equal(FigureOrigin.Historical, y.Products.Origin)
        );
    }

    [Fact]
    public async Task Cumulative_products_reach_229_at_the_end_of_2023()
    {
        var d = await LoadAsync(new KpiFilter());
        var point = d.Cumulative.Single(p => p.Year == 2023);
        Assert.Equal(229m, point.Cumulative.Value);
        Assert.Equal(2018, d.Cumulative[0].Year);
        Assert.Equal(163m, d.Cumulative.Single(p => p.Year == 2021).Cumulative.Value);
    }

    [Fact]
    public async Task Published_cumulative_figures_match_the_sum_of_the_years()
    {
        var d = await LoadAsync(new KpiFilter());
        Assert.Contains(d.Checks, c => c.Published.Value == 229m && c.Holds);
        Assert.Contains(d.Checks, c => c.Published.Value == 77m && c.Holds);
        Assert.All(d.Checks, c =>
            Assert.True(
                c.Holds,
                $"{c.Published.Indicator} {c.Published.Year}: "
                    + $"published {c.Published.Value}, sum {c.SumOfYears.Value}"
            )
        );
    }

    [Fact]
    public async Task A_share_without_the_city_denominator_is_missing_not_zero()
    {
        var d = await LoadAsync(new KpiFilter(PhaseId: await PhaseIdAsync(2021)));
        var share = d.Targets.Single(t => t.Target.Code == "KH2021-EXS");
        Assert.Null(share.Actual.Value);
        Assert.Null(share.Percent);
        Assert.Equal(TargetStatus.NoData, share.Status);
        Assert.Equal(KpiFormat.NoData, KpiFormat.Percent(share.Percent));
    }

    [Fact]
    public async Task The_dashboard_runs_the_same_number_of_queries_with_more_records()
    {
        var filter = new KpiFilter(PhaseId: await PhaseIdAsync(2021));
        await LoadAsync(filter);
        app.Services.GetRequiredService<KpiCache>().Evict(); // count the computation, not a cached answer
        int before;
        using (app.Queries.Start())
        {
            await LoadAsync(filter);
            before = app.Queries.Count;
        }
        Assert.True(before > 5);
        await app.WithDbAsync(async db =>
        {
            var decision = await db.RecognitionDecisions.OrderBy(x => x.Id).FirstAsync();
            var products = await db.Products.OrderBy(p => p.Id).Take(3).ToListAsync();
            foreach (var p in products)
                db.Recognitions.Add(
                    new KeyProducts.Core.Recognition.Recognition
                    {
                        DecisionId = decision.Id,
                        ProductId = p.Id,
                        EnterpriseId = p.EnterpriseId,
                        Year = 2022,
                        ValidFrom = new DateOnly(2022, 11, 25),
                        ValidTo = new DateOnly(2025, 11, 24),
                    }
                );
            await db.SaveChangesAsync();
        });
        // The save evicted the cache: this load computes again.
        using (app.Queries.Start())
        {
            await LoadAsync(filter);
            Assert.Equal(before, app.Queries.Count);
        }
    }

    private Task<int> PhaseIdAsync(int start) =>
        app.WithDbAsync(db => db.Phases.Where(p => p.StartYear == start).Select(p => p.Id).SingleAsync());
}
