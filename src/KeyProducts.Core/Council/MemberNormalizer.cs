namespace KeyProducts.Core.Council;

/// <summary>How one member scores compared with the council: mean and spread of their scores as a share of each
/// maximum.</summary>
public sealed record MemberProfile(int MemberId, int Scores, double MeanShare, double StdDevShare);

/// <summary>Z-score normalisation per member, mapped back onto the council's overall mean and spread, so a harsh or
/// lenient scorer becomes visible. Shares (points / maximum) make indicators with different maxima
/// comparable.</summary>
public sealed class MemberNormalizer
{
    private readonly Dictionary<int, MemberProfile> _profiles;
    private readonly double _overallMean;
    private readonly double _overallSd;

    private MemberNormalizer(Dictionary<int, MemberProfile> profiles, double mean, double sd)
    {
        _profiles = profiles;
        _overallMean = mean;
        _overallSd = sd;
    }

    public IReadOnlyList<MemberProfile> Members => _profiles.Values.OrderBy(p => p.MemberId).ToList();

    public static MemberNormalizer Build(IReadOnlyList<ScoreEntry> scores, IReadOnlyDictionary<int, long> maxById)
    {
        double Share(ScoreEntry s) =>
            maxById[s.IndicatorId] == 0 ? 0 : (double)s.PointsHundredths / maxById[s.IndicatorId];
        var all = scores.Select(Share).ToList();
        var profiles = scores
            .GroupBy(s => s.MemberId)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var shares = g.Select(Share).ToList();
                    return new MemberProfile(g.Key, shares.Count, shares.Average(), Stats.StdDevExact(shares));
                }
            );
        return new MemberNormalizer(profiles, all.Count == 0 ? 0 : all.Average(), Stats.StdDevExact(all));
    }

    public long Normalize(ScoreEntry s, long max)
    {
        if (max == 0 || !_profiles.TryGetValue(s.MemberId, out var p))
            return s.PointsHundredths;
        var share = (double)s.PointsHundredths / max;
        // A member who gave everyone the same share carries no information about relative quality: keep the council
        // mean.
        var z = p.StdDevShare < 1e-9 ? 0 : (share - p.MeanShare) / p.StdDevShare;
        var mapped = Math.Clamp(_overallMean + z * _overallSd, 0, 1);
        return Stats.Round((decimal)(mapped * max));
    }
}
