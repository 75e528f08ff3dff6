using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Tests.Rulebook;

public class EligibilityPreviewTests
{
    private static readonly CriteriaSet Set = Rulebooks.Hanoi();

    private static EligibilityTrack Track(string code) => Set.Tracks.Single(t => t.Code == code);

    private static EligibilityFigures Figures(
        long? revenue = null,
        long? exportCents = null,
        bool highTech = false,
        bool compliance = false,
        bool presence = true,
        bool answers = true
    ) =>
        new(
            revenue,
            exportCents,
            highTech,
            compliance,
            presence,
            new Dictionary<string, bool?> { ["VIOLATION"] = answers, ["TAX"] = answers }
        );

    private static GateOutcome Overall(string track, EligibilityFigures f) =>
        EligibilityPreview.Evaluate(Track(track), Set.Conditions, f).Overall;

    [Theory]
    [InlineData(10_000_000_000L, GateOutcome.Met)] // exactly 10 tỷ
    [InlineData(9_999_999_999L, GateOutcome.NotMet)] // one đồng short
    [InlineData(10_000_000_001L, GateOutcome.Met)]
    public void High_tech_track_needs_ten_billion_revenue(long revenue, GateOutcome expected) =>
        Assert.Equal(expected, Overall("A", Figures(revenue, highTech: true, compliance: true)));

    [Fact]
    public void High_tech_track_needs_the_product_on_the_list() =>
        Assert.Equal(
            GateOutcome.NotMet,
            Overall("A", Figures(50 * Money.OneBillionVnd, highTech: false, compliance: true))
        );

    [Fact]
    public void High_tech_track_waits_for_the_compliance_report() =>
        Assert.Equal(
            GateOutcome.Missing,
            Overall("A", Figures(50 * Money.OneBillionVnd, highTech: true, compliance: false))
        );

    [Theory]
    [InlineData(100_000_000_000L, GateOutcome.Met)] // exactly 100 tỷ
    [InlineData(99_999_999_999L, GateOutcome.NotMet)]
    [InlineData(250_000_000_000L, GateOutcome.Met)]
    public void General_track_needs_one_hundred_billion_revenue(long revenue, GateOutcome expected) =>
        Assert.Equal(expected, Overall("B", Figures(revenue)));

    [Fact]
    public void General_track_without_revenue_is_missing_data() =>
        Assert.Equal(GateOutcome.Missing, Overall("B", Figures(revenue: null)));

    [Theory]
    [InlineData(1_000_000_00L, GateOutcome.Met)] // exactly USD 1 million
    [InlineData(999_999_99L, GateOutcome.NotMet)] // one cent short
    [InlineData(1_500_000_00L, GateOutcome.Met)]
    public void Handicraft_track_needs_one_million_usd_export(long cents, GateOutcome expected) =>
        Assert.Equal(expected, Overall("C", Figures(exportCents: cents)));

    [Fact]
    public void Handicraft_track_ignores_revenue() =>
        Assert.Equal(GateOutcome.Met, Overall("C", Figures(revenue: 1, exportCents: Money.OneMillionUsdCents)));

    [Fact]
    public void Startup_track_is_left_to_an_officer() =>
        Assert.Equal(GateOutcome.OfficerDecides, Overall("D", Figures()));

    [Theory]
    [InlineData("A")]
    [InlineData("B")]
    [InlineData("C")]
    [InlineData("D")]
    public void Every_track_needs_presence_in_the_city(string track) =>
        Assert.Equal(
            GateOutcome.NotMet,
            Overall(
                track,
                Figures(500 * Money.OneBillionVnd, 5 * Money.OneMillionUsdCents, true, true, presence: false)
            )
        );

    [Fact]
    public void A_condition_answered_the_wrong_way_fails_the_gate()
    {
        var result = EligibilityPreview.Evaluate(
            Track("B"),
            Set.Conditions,
            Figures(200 * Money.OneBillionVnd, answers: false)
        );
        Assert.Equal(GateOutcome.NotMet, result.Overall);
        Assert.Contains(result.Gates, g => g.Key == "condition:VIOLATION" && g.Outcome == GateOutcome.NotMet);
    }

    [Fact]
    public void A_condition_limited_to_other_tracks_is_not_asked()
    {
        var conditions = new[]
        {
            new EligibilityCondition
            {
                Code = "EXPORTDOCS",
                Text = "x",
                TrackCodes = "C",
            },
        };
        var result = EligibilityPreview.Evaluate(Track("B"), conditions, Figures(200 * Money.OneBillionVnd));
        Assert.DoesNotContain(result.Gates, g => g.Key == "condition:EXPORTDOCS");
    }
}

/// <summary>The tracks of the Hanoi rulebook as seeded (HD 1520/HD-SCT): the thresholds are data, built here as an
/// officer would.</summary>
internal static class Rulebooks
{
    public static CriteriaSet Hanoi() =>
        new()
        {
            Name = "Hà Nội",
            Tracks =
            [
                new()
                {
                    Code = "A",
                    Kind = TrackKind.HighTech,
                    MinRevenueVnd = 10 * Money.OneBillionVnd,
                    RequiresHighTechListing = true,
                    RequiresComplianceReport = true,
                },
                new()
                {
                    Code = "B",
                    Kind = TrackKind.General,
                    MinRevenueVnd = 100 * Money.OneBillionVnd,
                },
                new()
                {
                    Code = "C",
                    Kind = TrackKind.Handicraft,
                    MinExportUsdCents = Money.OneMillionUsdCents,
                },
                new()
                {
                    Code = "D",
                    Kind = TrackKind.Startup,
                    OfficerDecides = true,
                },
            ],
            Conditions =
            [
                new()
                {
                    Code = "VIOLATION",
                    Text = "Không vi phạm trong 24 tháng",
                    RequiredAnswer = true,
                    SortOrder = 1,
                },
                new()
                {
                    Code = "TAX",
                    Text = "Không nợ thuế",
                    RequiredAnswer = true,
                    SortOrder = 2,
                },
            ],
        };
}

public class PointsTextTests
{
    [Theory]
    [InlineData("10", 1000L)]
    [InlineData("7,5", 750L)]
    [InlineData("2.25", 225L)]
    [InlineData("0", 0L)]
    public void Points_parse_into_hundredths(string input, long expected)
    {
        Assert.True(PointsText.TryParseHundredths(input, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1,234")]
    [InlineData("mười")]
    [InlineData("1e3")]
    public void Nonsense_points_are_refused(string input) => Assert.False(PointsText.TryParseHundredths(input, out _));
}
