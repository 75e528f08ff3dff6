using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Council;

/// <summary>A product (dossier) to be ranked, with the facts tie-breaks may need.</summary>
public sealed record ResultCandidate(
    int DossierId,
    int EnterpriseId,
    DateTimeOffset? SubmittedAt = null,
    long RevenueVnd = 0
);

/// <summary>One submitted score of one member for one indicator of one dossier.</summary>
public sealed record ScoreEntry(int DossierId, int MemberId, int IndicatorId, long PointsHundredths);

/// <summary>The computed results of a round (kết quả chấm điểm): pure arithmetic over submitted scores, per the
/// rulebook.</summary>
public static class ResultsCalculator
{
    public static RoundResults Compute(
        DecisionRules rules,
        IReadOnlyList<CriteriaGroup> groups,
        IReadOnlyList<ResultCandidate> candidates,
        IReadOnlyList<ScoreEntry> scores
    )
    {
        var orderedGroups = groups.OrderBy(g => g.SortOrder).ToList();
        var indicators = orderedGroups.SelectMany(g => g.Indicators.OrderBy(i => i.SortOrder)).ToList();
        var maxById = indicators.ToDictionary(i => i.Id, i => i.MaxPointsHundredths);
        var known = scores.Where(s => maxById.ContainsKey(s.IndicatorId)).ToList();
        var normalizer = MemberNormalizer.Build(known, maxById);

        var products = candidates
            .Select(c =>
                ComputeProduct(
                    rules,
                    orderedGroups,
                    c,
                    known.Where(s => s.DossierId == c.DossierId).ToList(),
                    normalizer
                )
            )
            .ToList();
        var ranked = Rank(rules, products, candidates.ToDictionary(c => c.DossierId));
        return new RoundResults(ranked, normalizer.Members);
    }

    private static ProductResult ComputeProduct(
        DecisionRules rules,
        List<CriteriaGroup> groups,
        ResultCandidate c,
        List<ScoreEntry> own,
        MemberNormalizer normalizer
    )
    {
        var indicatorResults = new List<IndicatorResult>();
        var groupResults = new List<GroupResult>();
        foreach (var g in groups)
        {
            long groupTotal = 0;
            foreach (var ind in g.Indicators.OrderBy(i => i.SortOrder))
            {
                var values = own.Where(s => s.IndicatorId == ind.Id).Select(s => s.PointsHundredths).ToList();
                var normalized = own.Where(s => s.IndicatorId == ind.Id)
                    .Select(s => normalizer.Normalize(s, ind.MaxPointsHundredths))
                    .ToList();
                var indicatorLimit =
                    rules.Disagreement == DisagreementBasis.Indicator ? rules.SpreadLimitHundredths : long.MaxValue;
                var r = IndicatorResult.From(ind.Id, values, normalized, indicatorLimit);
                indicatorResults.Add(r);
                groupTotal += r.AverageHundredths;
            }
            var min = g.EffectiveMinimumHundredths;
            groupResults.Add(new GroupResult(g.Id, g.Code, groupTotal, min, min is null || groupTotal >= min));
        }

        var hasScores = own.Count > 0;
        var memberTotals = own.GroupBy(s => s.MemberId).Select(m => m.Sum(s => s.PointsHundredths)).ToList();
        var rawTotal =
            rules.Averaging == AveragingMethod.PerMemberTotalThenAverage
                ? (memberTotals.Count == 0 ? 0 : Stats.Mean(memberTotals))
                : indicatorResults.Sum(i => i.AverageHundredths);
        var normalizedTotal = indicatorResults.Sum(i => i.NormalizedAverageHundredths);
        var decisive = rules.UseNormalizedScores ? normalizedTotal : rawTotal;

        var memberSpread = MemberTotalSpread(groups, own);
        var flagged =
            rules.Disagreement == DisagreementBasis.Indicator
                ? indicatorResults.Any(i => i.Flagged)
                : memberSpread > rules.SpreadLimitHundredths;

        var reasons = new List<FailReason>();
        if (!hasScores)
            reasons.Add(FailReason.NoScores);
        else
        {
            if (decisive < rules.PassMarkHundredths)
                reasons.Add(FailReason.BelowPassMark);
            if (groupResults.Any(g => !g.MeetsMinimum))
                reasons.Add(FailReason.BelowGroupMinimum);
        }
        return new ProductResult(
            c.DossierId,
            c.EnterpriseId,
            hasScores,
            rawTotal,
            normalizedTotal,
            decisive,
            reasons.Count == 0,
            reasons,
            groupResults,
            indicatorResults,
            flagged,
            own.Select(s => s.MemberId).Distinct().Count(),
            null,
            false
        )
        {
            MemberSpreadHundredths = memberSpread,
        };
    }

    /// <summary>The gap between the highest and the lowest member total for one product (program.md 3.4). A member who
    /// scored only some indicators (phân công chấm) is compared on the same scale: the total is projected onto the
    /// rulebook's maximum in proportion to the maximum of the indicators that member scored.</summary>
    public static long MemberTotalSpread(IReadOnlyList<CriteriaGroup> groups, IReadOnlyList<ScoreEntry> own)
    {
        var maxById = groups.SelectMany(g => g.Indicators).ToDictionary(i => i.Id, i => i.MaxPointsHundredths);
        var maxTotal = maxById.Values.Sum();
        var totals = new List<long>();
        foreach (var member in own.Where(s => maxById.ContainsKey(s.IndicatorId)).GroupBy(s => s.MemberId))
        {
            var total = member.Sum(s => s.PointsHundredths);
            var covered = member.Select(s => s.IndicatorId).Distinct().Sum(id => maxById[id]);
            if (covered <= 0)
                continue;
            totals.Add(
                covered == maxTotal
                    ? total
                    : (long)Math.Round((decimal)total * maxTotal / covered, MidpointRounding.AwayFromZero)
            );
        }
        return totals.Count > 1 ? totals.Max() - totals.Min() : 0;
    }

    private static List<ProductResult> Rank(
        DecisionRules rules,
        List<ProductResult> products,
        Dictionary<int, ResultCandidate> candidates
    )
    {
        var comparer = new RankComparer(rules.TieBreak, candidates);
        var scored = products.Where(p => p.HasScores).OrderBy(p => p, comparer).ToList();
        var result = new List<ProductResult>(products.Count);
        var top = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            // Products the tie-break cannot separate share a rank.
            var rank = i > 0 && comparer.Compare(scored[i - 1], scored[i]) == 0 ? result[i - 1].Rank!.Value : i + 1;
            var inTop = scored[i].Passed && top < rules.TopN;
            if (inTop)
                top++;
            result.Add(scored[i] with { Rank = rank, InTopN = inTop });
        }
        result.AddRange(products.Where(p => !p.HasScores).OrderBy(p => p.DossierId));
        return result;
    }

    private sealed class RankComparer(TieBreak tieBreak, Dictionary<int, ResultCandidate> candidates)
        : IComparer<ProductResult>
    {
        public int Compare(ProductResult? x, ProductResult? y)
        {
            if (ReferenceEquals(x, y))
                return 0;
            if (x is null)
                return 1;
            if (y is null)
                return -1;
            var byTotal = y.DecisiveTotalHundredths.CompareTo(x.DecisiveTotalHundredths);
            if (byTotal != 0)
                return byTotal;
            switch (tieBreak)
            {
                case TieBreak.HigherGroupScoreInOrder:
                    for (var i = 0; i < Math.Min(x.Groups.Count, y.Groups.Count); i++)
                    {
                        var c = y.Groups[i].TotalHundredths.CompareTo(x.Groups[i].TotalHundredths);
                        if (c != 0)
                            return c;
                    }
                    return 0;
                case TieBreak.EarlierSubmission:
                    var xs = candidates[x.DossierId].SubmittedAt ?? DateTimeOffset.MaxValue;
                    var ys = candidates[y.DossierId].SubmittedAt ?? DateTimeOffset.MaxValue;
                    return xs.CompareTo(ys);
                case TieBreak.HigherRevenue:
                    return candidates[y.DossierId].RevenueVnd.CompareTo(candidates[x.DossierId].RevenueVnd);
                default:
                    return 0;
            }
        }
    }
}

public enum FailReason
{
    NoScores,
    BelowPassMark,
    BelowGroupMinimum,
}

public sealed record RoundResults(IReadOnlyList<ProductResult> Products, IReadOnlyList<MemberProfile> Members)
{
    public ProductResult For(int dossierId) => Products.First(p => p.DossierId == dossierId);

    public IEnumerable<ProductResult> TopN => Products.Where(p => p.InTopN);
    public IEnumerable<ProductResult> Passing => Products.Where(p => p.Passed);
}

public sealed record ProductResult(
    int DossierId,
    int EnterpriseId,
    bool HasScores,
    long RawTotalHundredths,
    long NormalizedTotalHundredths,
    long DecisiveTotalHundredths,
    bool Passed,
    IReadOnlyList<FailReason> FailReasons,
    IReadOnlyList<GroupResult> Groups,
    IReadOnlyList<IndicatorResult> Indicators,
    bool Flagged,
    int Scorers,
    int? Rank,
    bool InTopN
)
{
    /// <summary>Gap between the highest and lowest member totals (projected to the full scale), in
    /// hundredths.</summary>
    public long MemberSpreadHundredths { get; init; }

    public IndicatorResult Indicator(int indicatorId) => Indicators.First(i => i.IndicatorId == indicatorId);
}

public sealed record GroupResult(
    int GroupId,
    string Code,
    long TotalHundredths,
    long? MinimumHundredths,
    bool MeetsMinimum
);

/// <summary>Statistics of one indicator of one product over its scorers.</summary>
public sealed record IndicatorResult(
    int IndicatorId,
    int Scorers,
    long AverageHundredths,
    long MedianHundredths,
    long SpreadHundredths,
    long StdDevHundredths,
    long NormalizedAverageHundredths,
    bool Flagged
)
{
    internal static IndicatorResult From(int indicatorId, List<long> values, List<long> normalized, long spreadLimit)
    {
        if (values.Count == 0)
            return new IndicatorResult(indicatorId, 0, 0, 0, 0, 0, 0, false);
        var spread = values.Max() - values.Min();
        return new IndicatorResult(
            indicatorId,
            values.Count,
            Stats.Mean(values),
            Stats.Median(values),
            spread,
            Stats.StdDev(values),
            Stats.Mean(normalized),
            spread > spreadLimit
        );
    }
}
