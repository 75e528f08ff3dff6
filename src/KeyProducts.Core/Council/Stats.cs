namespace KeyProducts.Core.Council;

/// <summary>Integer statistics in hundredths, rounded half away from zero so results match a hand
/// calculation.</summary>
public static class Stats
{
    public static long Round(decimal value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    public static long Mean(IReadOnlyCollection<long> values) =>
        values.Count == 0 ? 0 : Round((decimal)values.Sum() / values.Count);

    public static long Median(IReadOnlyCollection<long> values)
    {
        if (values.Count == 0)
            return 0;
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : Round((sorted[mid - 1] + sorted[mid]) / 2m);
    }

    /// <summary>Population standard deviation: the scorers are all the council has, not a sample.</summary>
    public static long StdDev(IReadOnlyCollection<long> values) =>
        Round((decimal)StdDevExact(values.Select(v => (double)v).ToList()));

    internal static double StdDevExact(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
            return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
