using KeyProducts.Core.Common;
using KeyProducts.Core.Program;

namespace KeyProducts.Core.Tests.ProgramKpis;

public sealed class ProgramProgressTests
{
    private static readonly Phase P1 = new()
    {
        Id = 1,
        Name = "2018–2020",
        StartYear = 2018,
        EndYear = 2020,
    };
    private static readonly Phase P2 = new()
    {
        Id = 2,
        Name = "2021–2025",
        StartYear = 2021,
        EndYear = 2025,
    };

    private static Measurement Count(int year, decimal value, int id) =>
        new()
        {
            Id = id,
            Indicator = KpiIndicator.RecognizedProducts,
            Year = year,
            Value = value,
            Basis = FigureBasis.Products,
            Unit = KpiUnit.Count,
            Source = "S",
        };

    private static ProgramProgress Progress(bool recordsOnly = false, params Measurement[] measurements) =>
        new(
            new KpiInputs
            {
                Phases = [P1, P2],
                Targets =
                [
                    new ProgramTarget
                    {
                        Id = 1,
                        PhaseId = 1,
                        Code = "A",
                        Indicator = KpiIndicator.RecognizedProducts,
                        Unit = KpiUnit.Count,
                        Min = 80,
                        MinExclusive = true,
                        Source = "496",
                    },
                ],
                Measurements = measurements,
                Records = new Dictionary<int, RecordYear> { [2020] = new(2020, 5, 4, 2), [2021] = new(2021, 7, 6, 2) },
                YearsRunInSystem = new HashSet<int> { 2021 },
                CurrentYear = 2021,
                RecordsOnly = recordsOnly,
            }
        );

    [Fact]
    public void A_published_year_is_not_added_to_the_records_of_the_same_year()
    {
        var p = Progress(false, Count(2018, 61, 1), Count(2019, 30, 2), Count(2020, 26, 3));
        var sum = p.SumCount(KpiIndicator.RecognizedProducts, 2018, 2020);
        Assert.Equal(117m, sum.Value);
        Assert.Equal(FigureOrigin.Historical, sum.Origin);
        var t = p.Evaluate(p.Input.Targets[0]);
        Assert.Equal(146.25m, t.Percent);
        Assert.Equal(TargetStatus.Reached, t.Status);
        Assert.Equal(5, p.RecordsHeld(2020));
    }

    [Fact]
    public void A_year_without_a_published_figure_counts_its_records_and_a_sector_filter_ignores_history()
    {
        var p = Progress(false, Count(2020, 26, 3));
        Assert.Equal(new YearFigure(2021, 7, FigureOrigin.Computed), p.Count(KpiIndicator.RecognizedProducts, 2021));
        Assert.Equal(FigureOrigin.Mixed, p.SumCount(KpiIndicator.RecognizedProducts, 2020, 2021).Origin);
        Assert.Equal(5m, Progress(true, Count(2020, 26, 3)).Count(KpiIndicator.RecognizedProducts, 2020).Value);
        Assert.Null(p.Count(KpiIndicator.RecognizedProducts, 2019).Value); // no round, no record, no figure: missing
    }

    [Fact]
    public void Shares_need_both_sides_and_growth_needs_the_same_basis()
    {
        var exportE = new Measurement
        {
            Id = 9,
            Indicator = KpiIndicator.Export,
            Year = 2021,
            Value = 1000,
            Basis = FigureBasis.Enterprises,
            Unit = KpiUnit.MillionUsd,
            Source = "S",
        };
        var p = Progress(false, exportE);
        Assert.Null(p.Share(KpiIndicator.ExportShare, FigureBasis.Enterprises, 2021).Value);
        var city = new Measurement
        {
            Id = 10,
            Indicator = KpiIndicator.CityExport,
            Year = 2021,
            Value = 8000,
            Basis = FigureBasis.City,
            Unit = KpiUnit.MillionUsd,
            Source = "GSO",
        };
        Assert.Equal(
            12.5m,
            Progress(false, exportE, city).Share(KpiIndicator.ExportShare, FigureBasis.Enterprises, 2021).Value
        );
        Assert.Null(Progress(false, exportE, city).Share(KpiIndicator.ExportShare, FigureBasis.Products, 2021).Value);
        Assert.Null(KpiMath.GrowthPercent(110, FigureBasis.Products, 100, FigureBasis.Enterprises));
        Assert.Equal(10m, KpiMath.GrowthPercent(110, FigureBasis.Products, 100, FigureBasis.Products));
        Assert.Equal(KpiFormat.NoData, KpiFormat.Percent(KpiMath.SharePercent(5, 0)));
    }

    [Fact]
    public void Cumulative_counts_from_the_start_of_the_chain_of_phases()
    {
        var p = Progress(false, Count(2018, 61, 1), Count(2019, 30, 2), Count(2020, 26, 3));
        Assert.Equal(2018, p.ChainStart(P2));
        var points = p.Cumulative(2018, 2021);
        Assert.Equal(124m, points[^1].Cumulative.Value); // 117 published + 7 records of 2021
        Assert.Equal(80m, points[2].TargetLine);
    }
}

public sealed class AnnualReportRulesTests
{
    [Fact]
    public void Absurd_or_inconsistent_figures_are_refused_per_field()
    {
        var r = new AnnualReport
        {
            ProductRevenueVnd = 1_000_000_000_000_000_000,
            EnterpriseRevenueVnd = 10,
            ProductExportUsdCents = -1,
        };
        var problems = r.Problems(forSubmission: true);
        Assert.Contains(nameof(AnnualReport.ProductRevenueVnd), problems.Keys);
        Assert.Contains(nameof(AnnualReport.ProductExportUsdCents), problems.Keys);
        Assert.Contains(nameof(AnnualReport.Employees), problems.Keys);
        Assert.Throws<DomainException>(() => r.Submit(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_submitted_report_is_locked_until_the_officer_asks_for_a_correction()
    {
        var r = new AnnualReport
        {
            ProductRevenueVnd = 100,
            ProductProductionValueVnd = 90,
            ProductExportUsdCents = 0,
            EnterpriseRevenueVnd = 200,
            EnterpriseProductionValueVnd = 180,
            EnterpriseExportUsdCents = 0,
            Employees = 10,
        };
        r.Submit(DateTimeOffset.UnixEpoch);
        Assert.Throws<DomainException>(r.EnsureEditableByEnterprise);
        Assert.Throws<DomainException>(() => r.RequestCorrection("o", " ", DateTimeOffset.UnixEpoch));
        r.RequestCorrection("o", "Bổ sung số lao động", DateTimeOffset.UnixEpoch);
        Assert.True(r.IsEditableByEnterprise);
        r.Submit(DateTimeOffset.UnixEpoch);
        r.Accept("o", DateTimeOffset.UnixEpoch);
        Assert.Equal(AnnualReportState.Accepted, r.State);
    }
}

public sealed class ProgramDataRulesTests
{
    [Fact]
    public void Every_bad_row_is_reported_with_its_line()
    {
        var file = new ProgramDataFile
        {
            Phases =
            [
                new PhaseRow
                {
                    Line = 1,
                    Name = "2018–2020",
                    StartYear = 2018,
                    EndYear = 2020,
                    LegalBasis = "496/QĐ-UBND",
                },
                new PhaseRow
                {
                    Line = 2,
                    Name = "x",
                    StartYear = 2019,
                    EndYear = 2022,
                    LegalBasis = "y",
                },
            ],
            Targets =
            [
                new TargetRow
                {
                    Line = 1,
                    Code = "A",
                    PhaseStartYear = 2018,
                    Indicator = "RecognizedProducts",
                    Basis = "Products",
                    Min = 90,
                    Max = 80,
                    Source = "s",
                },
            ],
            Measurements =
            [
                new MeasurementRow
                {
                    Line = 1,
                    Indicator = "Revenue",
                    Year = 2020,
                    Value = -5,
                    Basis = "Products",
                    Source = "s",
                },
            ],
        };
        var parsed = ProgramDataRules.Parse(file);
        Assert.Equal(
            [("phases", 2), ("targets", 1), ("measurements", 1)],
            parsed.Errors.Select(e => (e.Sheet, e.Line)).ToArray()
        );
    }

    [Fact]
    public void Source_codes_expand_to_their_full_citation()
    {
        var sources = new Dictionary<string, string> { ["S7"] = "Khuyến công online" };
        Assert.Equal("S7: Khuyến công online; S99", ProgramDataRules.ExpandSources("S7; S99", sources));
    }
}
