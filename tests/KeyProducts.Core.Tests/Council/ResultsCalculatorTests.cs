using KeyProducts.Core.Council;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Tests.Council;

public sealed class ResultsCalculatorTests
{
    // Two groups: G1 (indicators 1 and 2, max 30 + 20) and G2 (indicator 3, max 50). Total 100 points.
    private static List<CriteriaGroup> Groups(long? g1Min = null, int? g2MinPercent = null) =>
        [
            new()
            {
                Id = 10,
                Code = "G1",
                SortOrder = 1,
                MinPointsHundredths = g1Min,
                Indicators =
                [
                    new()
                    {
                        Id = 1,
                        Code = "G1.1",
                        MaxPointsHundredths = 3000,
                        SortOrder = 1,
                    },
                    new()
                    {
                        Id = 2,
                        Code = "G1.2",
                        MaxPointsHundredths = 2000,
                        SortOrder = 2,
                    },
                ],
            },
            new()
            {
                Id = 20,
                Code = "G2",
                SortOrder = 2,
                MinPercent = g2MinPercent,
                Indicators =
                [
                    new()
                    {
                        Id = 3,
                        Code = "G2.1",
                        MaxPointsHundredths = 5000,
                        SortOrder = 1,
                    },
                ],
            },
        ];

    private static DecisionRules Rules(
        long pass = 7000,
        int topN = 10,
        TieBreak tie = TieBreak.HigherGroupScoreInOrder
    ) =>
        new()
        {
            PassMarkHundredths = pass,
            TopN = topN,
            TieBreak = tie,
            SpreadLimitHundredths = 1000,
        };

    /// <summary>Every member scores every indicator of the dossier with the same total split 30/20/50
    /// proportionally.</summary>
    private static IEnumerable<ScoreEntry> Sheet(int dossier, int member, long i1, long i2, long i3) =>
        [new(dossier, member, 1, i1), new(dossier, member, 2, i2), new(dossier, member, 3, i3)];

    [Fact]
    public void Average_per_indicator_is_taken_over_its_own_scorers_and_summed()
    {
        var scores = new List<ScoreEntry>
        {
            new(1, 100, 1, 2500),
            new(1, 101, 1, 2800), // indicator 1: two scorers → 26.50
            new(1, 100, 2, 1500), // indicator 2: one scorer → 15.00
            new(1, 102, 3, 4000),
            new(1, 103, 3, 4100),
            new(1, 104, 3, 4300), // indicator 3 → 41.33
        };
        var r = ResultsCalculator.Compute(Rules(), Groups(), [new(1, 1)], scores).For(1);
        Assert.Equal(2650, r.Indicator(1).AverageHundredths);
        Assert.Equal(1500, r.Indicator(2).AverageHundredths);
        Assert.Equal(4133, r.Indicator(3).AverageHundredths);
        Assert.Equal(2650 + 1500 + 4133, r.RawTotalHundredths);
        Assert.Equal(5, r.Scorers);
    }

    [Fact]
    public void Averages_round_half_away_from_zero_in_hundredths()
    {
        var scores = new List<ScoreEntry> { new(1, 1, 1, 1001), new(1, 2, 1, 1002) }; // 1001.5 → 1002
        Assert.Equal(
            1002,
            ResultsCalculator.Compute(Rules(), Groups(), [new(1, 1)], scores).For(1).Indicator(1).AverageHundredths
        );
    }

    [Fact]
    public void Per_member_total_averaging_averages_the_members_totals()
    {
        var rules = Rules();
        rules.Averaging = AveragingMethod.PerMemberTotalThenAverage;
        var scores = Sheet(1, 1, 3000, 2000, 5000).Concat(Sheet(1, 2, 2000, 1000, 3000)).ToList(); // 100 and 60 → 80
        Assert.Equal(8000, ResultsCalculator.Compute(rules, Groups(), [new(1, 1)], scores).For(1).RawTotalHundredths);
    }

    [Theory]
    [InlineData(6999, false)]
    [InlineData(7000, true)]
    [InlineData(7001, true)]
    public void The_pass_mark_is_inclusive(long total, bool passes)
    {
        var scores = Sheet(1, 1, 0, 0, total).ToList();
        var groups = Groups();
        groups[1].Indicators[0].MaxPointsHundredths = 10000;
        var r = ResultsCalculator.Compute(Rules(), groups, [new(1, 1)], scores).For(1);
        Assert.Equal(passes, r.Passed);
        Assert.Equal(passes ? [] : [FailReason.BelowPassMark], r.FailReasons);
    }

    [Fact]
    public void A_group_below_its_minimum_fails_even_with_a_high_total()
    {
        // Total 80 ≥ 70, but G1 has 10 against a minimum of 20 points.
        var scores = Sheet(1, 1, 500, 500, 5000).Concat(Sheet(1, 2, 500, 500, 5000)).ToList();
        var groups = Groups(g1Min: 2000);
        groups[1].Indicators[0].MaxPointsHundredths = 7000;
        scores = scores.Select(s => s.IndicatorId == 3 ? s with { PointsHundredths = 7000 } : s).ToList();
        var r = ResultsCalculator.Compute(Rules(), groups, [new(1, 1)], scores).For(1);
        Assert.Equal(8000, r.RawTotalHundredths);
        Assert.False(r.Passed);
        Assert.Equal([FailReason.BelowGroupMinimum], r.FailReasons);
        Assert.False(r.Groups[0].MeetsMinimum);
        Assert.True(r.Groups[1].MeetsMinimum);
    }

    [Fact]
    public void A_group_minimum_in_percent_is_taken_of_the_group_maximum()
    {
        var groups = Groups(g2MinPercent: 60); // 60% of 50 points = 30
        Assert.Equal(3000, groups[1].EffectiveMinimumHundredths);
        var r = ResultsCalculator.Compute(
            Rules(pass: 0),
            groups,
            [new(1, 1), new(2, 2)],
            Sheet(1, 1, 0, 0, 2999).Concat(Sheet(2, 1, 0, 0, 3000)).ToList()
        );
        Assert.False(r.For(1).Passed);
        Assert.True(r.For(2).Passed);
    }

    [Fact]
    public void A_product_with_no_scores_fails_is_not_ranked_and_does_not_break_the_others()
    {
        var r = ResultsCalculator.Compute(
            Rules(),
            Groups(),
            [new(1, 1), new(2, 2)],
            Sheet(2, 1, 3000, 2000, 4000).ToList()
        );
        var empty = r.For(1);
        Assert.False(empty.HasScores);
        Assert.False(empty.Passed);
        Assert.Equal([FailReason.NoScores], empty.FailReasons);
        Assert.Null(empty.Rank);
        Assert.Equal(0, empty.RawTotalHundredths);
        Assert.Equal(1, r.For(2).Rank);
        Assert.Equal(2, r.Products[^1].DossierId == 1 ? 2 : 0); // unscored products are listed last
    }

    [Fact]
    public void Ranking_orders_by_total_and_ties_break_on_the_first_group()
    {
        // Dossiers 1 and 2 both total 90; dossier 2 has more in G1 and so ranks first.
        var scores = Sheet(1, 1, 2000, 2000, 5000)
            .Concat(Sheet(2, 1, 3000, 2000, 4000))
            .Concat(Sheet(3, 1, 3000, 2000, 5000))
            .ToList();
        var r = ResultsCalculator.Compute(Rules(), Groups(), [new(1, 1), new(2, 2), new(3, 3)], scores);
        Assert.Equal([3, 2, 1], r.Products.Select(p => p.DossierId));
        Assert.Equal([1, 2, 3], r.Products.Select(p => p.Rank!.Value));
    }

    [Fact]
    public void Ties_can_break_on_earlier_submission_or_higher_revenue()
    {
        var scores = Sheet(1, 1, 3000, 2000, 4000).Concat(Sheet(2, 1, 3000, 2000, 4000)).ToList();
        var t0 = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        ResultCandidate[] candidates = [new(1, 1, t0.AddDays(2), 500), new(2, 2, t0, 100)];
        Assert.Equal(
            2,
            ResultsCalculator
                .Compute(Rules(tie: TieBreak.EarlierSubmission), Groups(), candidates, scores)
                .Products[0]
                .DossierId
        );
        Assert.Equal(
            1,
            ResultsCalculator
                .Compute(Rules(tie: TieBreak.HigherRevenue), Groups(), candidates, scores)
                .Products[0]
                .DossierId
        );
    }

    [Fact]
    public void Products_the_tie_break_cannot_separate_share_a_rank()
    {
        var scores = Sheet(1, 1, 3000, 2000, 4000)
            .Concat(Sheet(2, 1, 3000, 2000, 4000))
            .Concat(Sheet(3, 1, 1000, 1000, 1000))
            .ToList();
        var r = ResultsCalculator.Compute(Rules(pass: 0), Groups(), [new(1, 1), new(2, 2), new(3, 3)], scores);
        Assert.Equal([1, 1, 3], r.Products.Select(p => p.Rank!.Value));
    }

    [Fact]
    public void Top_n_takes_the_best_passing_products_and_one_enterprise_may_hold_several_places()
    {
        // 12 passing products, enterprise 7 owns dossiers 1, 2 and 3 which score best; dossier 13 fails.
        var candidates = Enumerable
            .Range(1, 12)
            .Select(i => new ResultCandidate(i, i <= 3 ? 7 : 100 + i))
            .Append(new(13, 200))
            .ToList();
        var scores = Enumerable
            .Range(1, 12)
            .SelectMany(i => Sheet(i, 1, 3000, 2000, 5000 - i * 100))
            .Concat(Sheet(13, 1, 1000, 1000, 1000))
            .ToList();
        var r = ResultsCalculator.Compute(Rules(), Groups(), candidates, scores);
        var top = r.TopN.ToList();
        Assert.Equal(10, top.Count);
        Assert.Equal(Enumerable.Range(1, 10), top.Select(p => p.DossierId));
        Assert.Equal(3, top.Count(p => p.EnterpriseId == 7));
        Assert.False(r.For(11).InTopN);
        Assert.True(r.For(11).Passed);
        Assert.False(r.For(13).InTopN);
    }

    [Fact]
    public void Top_n_skips_failing_products_even_when_they_rank_higher()
    {
        // Dossier 1 has the best total (79) but fails the G2 minimum (30); it is ranked, not Top N.
        var groups = Groups(g2MinPercent: 60);
        var scores = Sheet(1, 1, 3000, 2000, 2900)
            .Concat(Sheet(2, 1, 2000, 2000, 3500))
            .Concat(Sheet(3, 1, 1000, 1000, 3000))
            .ToList();
        var r = ResultsCalculator.Compute(Rules(pass: 0, topN: 1), groups, [new(1, 1), new(2, 2), new(3, 3)], scores);
        Assert.Equal(1, r.For(1).Rank);
        Assert.False(r.For(1).InTopN);
        Assert.True(r.For(2).InTopN);
        Assert.False(r.For(3).InTopN);
    }

    [Fact]
    public void Median_spread_and_standard_deviation_are_given_beside_each_average()
    {
        var scores = new List<ScoreEntry>
        {
            new(1, 1, 3, 4000),
            new(1, 2, 3, 3000),
            new(1, 3, 3, 4500),
            new(1, 4, 3, 2500),
        };
        var i = ResultsCalculator.Compute(Rules(), Groups(), [new(1, 1)], scores).For(1).Indicator(3);
        Assert.Equal(3500, i.AverageHundredths);
        Assert.Equal(3500, i.MedianHundredths); // (3000 + 4000) / 2
        Assert.Equal(2000, i.SpreadHundredths);
        Assert.Equal(791, i.StdDevHundredths); // √(62.5) points = 7.906 → 7.91
        Assert.Equal(4, i.Scorers);
    }

    [Fact]
    public void A_median_of_an_odd_count_is_the_middle_score()
    {
        Assert.Equal(30, Stats.Median([10, 90, 30]));
        Assert.Equal(0, Stats.StdDev([50, 50, 50]));
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void On_the_indicator_basis_scorers_differing_by_more_than_the_limit_flag_the_product(
        long difference,
        bool flagged
    )
    {
        var scores = new List<ScoreEntry> { new(1, 1, 3, 3000), new(1, 2, 3, 3000 + difference) };
        var rules = Rules();
        rules.Disagreement = DisagreementBasis.Indicator;
        var r = ResultsCalculator.Compute(rules, Groups(), [new(1, 1)], scores).For(1);
        Assert.Equal(flagged, r.Indicator(3).Flagged);
        Assert.Equal(flagged, r.Flagged);
    }

    [Fact]
    public void Normalisation_reveals_a_harsh_scorer_and_the_decision_uses_raw_scores_by_default()
    {
        // Member 2 gives everyone 20 points less than member 1 but ranks them the same way.
        var scores = new List<ScoreEntry>();
        for (var d = 1; d <= 3; d++)
        {
            scores.Add(new(d, 1, 3, 3000 + d * 500));
            scores.Add(new(d, 2, 3, 1000 + d * 500));
        }
        var r = ResultsCalculator.Compute(Rules(pass: 0), Groups(), [new(1, 1), new(2, 2), new(3, 3)], scores);
        var harsh = r.Members.Single(m => m.MemberId == 2);
        var lenient = r.Members.Single(m => m.MemberId == 1);
        Assert.True(harsh.MeanShare < lenient.MeanShare);
        // After normalisation both members agree, so each product's normalised scores coincide.
        var d3 = r.For(3);
        Assert.Equal(d3.RawTotalHundredths, d3.DecisiveTotalHundredths);
        Assert.Equal(0, Normalized(scores, 3, 1) - Normalized(scores, 3, 2));
    }

    [Fact]
    public void The_rulebook_can_make_the_decision_use_normalised_scores()
    {
        var rules = Rules(pass: 0);
        rules.UseNormalizedScores = true;
        var scores = new List<ScoreEntry>
        {
            new(1, 1, 3, 4000),
            new(2, 1, 3, 2000),
            new(1, 2, 3, 1000),
            new(2, 2, 3, 3000),
        };
        var r = ResultsCalculator.Compute(rules, Groups(), [new(1, 1), new(2, 2)], scores);
        Assert.Equal(r.For(1).NormalizedTotalHundredths, r.For(1).DecisiveTotalHundredths);
    }

    private static long Normalized(List<ScoreEntry> scores, int dossier, int member)
    {
        var n = MemberNormalizer.Build(scores, new Dictionary<int, long> { [3] = 5000 });
        return n.Normalize(scores.Single(s => s.DossierId == dossier && s.MemberId == member), 5000);
    }

    [Fact]
    public void Scores_for_indicators_outside_the_rulebook_are_ignored()
    {
        var r = ResultsCalculator.Compute(Rules(), Groups(), [new(1, 1)], [new(1, 1, 999, 10000), new(1, 1, 3, 4000)]);
        Assert.Equal(4000, r.For(1).RawTotalHundredths);
    }

    // program.md 3.4: the gap that sends a product back for discussion is between the members' totals for it.
    [Fact]
    public void Totals_of_91_86_and_66_are_flagged_although_no_indicator_differs_by_more_than_10_points()
    {
        // Each indicator is worth at most 30, 20 and 50 points; the per-indicator gaps are 10, 5 and 10.
        var scores = Sheet(1, 1, 3000, 1800, 4300)
            .Concat(Sheet(1, 2, 2800, 1800, 4000))
            .Concat(Sheet(1, 3, 2000, 1300, 3300))
            .ToList(); // totals 91, 86, 66 → gap 25
        var rules = Rules(); // limit 10 points, basis: member totals (the default)
        var r = ResultsCalculator.Compute(rules, Groups(), [new(1, 1)], scores).For(1);
        Assert.Equal(DisagreementBasis.MemberTotal, rules.Disagreement);
        Assert.Equal(2500, r.MemberSpreadHundredths);
        Assert.True(r.Flagged);
        Assert.All(r.Indicators, i => Assert.False(i.Flagged));

        rules.Disagreement = DisagreementBasis.Indicator;
        Assert.False(ResultsCalculator.Compute(rules, Groups(), [new(1, 1)], scores).For(1).Flagged);
    }

    [Theory]
    [InlineData(9100, 8100, false)] // gap exactly 10 points: not more than the limit
    [InlineData(9100, 8099, true)]
    public void A_gap_between_totals_flags_only_when_it_exceeds_the_limit(long total1, long total2, bool flagged)
    {
        static IEnumerable<ScoreEntry> Total(int member, long t) => Sheet(1, member, 3000, 2000, t - 5000);
        var r = ResultsCalculator
            .Compute(Rules(), Groups(), [new(1, 1)], [.. Total(1, total1), .. Total(2, total2)])
            .For(1);
        Assert.Equal(flagged, r.Flagged);
        Assert.Equal(total1 - total2, r.MemberSpreadHundredths);
    }

    [Fact]
    public void A_member_who_scored_some_indicators_is_compared_on_the_full_scale()
    {
        // Member 1 scores everything: 80/100. Member 2 scores only G2.1 (max 50): 45/50 → 90/100. Gap 10: not flagged.
        var scores = Sheet(1, 1, 2400, 1600, 4000).Append(new ScoreEntry(1, 2, 3, 4500)).ToList();
        Assert.Equal(1000, ResultsCalculator.MemberTotalSpread(Groups(), scores));
        Assert.False(ResultsCalculator.Compute(Rules(), Groups(), [new(1, 1)], scores).For(1).Flagged);
        // Member 2 at 46/50 → 92/100: gap 12 → flagged.
        scores[^1] = new ScoreEntry(1, 2, 3, 4600);
        Assert.True(ResultsCalculator.Compute(Rules(), Groups(), [new(1, 1)], scores).For(1).Flagged);
    }

    [Fact]
    public void One_scorer_alone_is_never_a_disagreement() =>
        Assert.Equal(0, ResultsCalculator.MemberTotalSpread(Groups(), [.. Sheet(1, 1, 3000, 2000, 5000)]));
}
