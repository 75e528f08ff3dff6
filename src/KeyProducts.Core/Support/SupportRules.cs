using KeyProducts.Core.Common;

namespace KeyProducts.Core.Support;

/// <summary>One line of the amount computation: the item, its eligible cost, what the rate gives and what is granted,
/// with the reason when a cap cut it (Vietnamese, with {0} placeholders for translation).</summary>
public sealed record SupportLine(
    string Description,
    long CostVnd,
    long ByRateVnd,
    long GrantedVnd,
    string? CapReason,
    object[] CapArgs
);

public sealed record SupportComputation(
    IReadOnlyList<SupportLine> Lines,
    long ItemsTotalVnd,
    long MaximumVnd,
    string? EnterpriseCapReason,
    object[] EnterpriseCapArgs
)
{
    public IEnumerable<(string Template, object[] Args)> Reasons =>
        Lines
            .Where(l => l.CapReason is not null)
            .Select(l => (l.CapReason!, l.CapArgs))
            .Concat(EnterpriseCapReason is null ? [] : [(EnterpriseCapReason, EnterpriseCapArgs)]);
}

/// <summary>The rules of a program that decide an amount. Computation (all integer VND):
/// for each item, cost × rate, rounded DOWN to the đồng (never pays a fraction of a đồng more than the rate allows),
/// then cut to the per-item cap; the sum is then cut to what is left of the per-enterprise-per-year cap after the
/// enterprise's other commitments in the same program and year.</summary>
public sealed record SupportRules(
    int RateBasisPoints,
    long? CapPerEnterprisePerYearVnd,
    long? CapPerItemVnd,
    string ItemUnit
)
{
    public const int FullRate = 10000;

    /// <summary>cost × rate / 10000 rounded down; computed in 128 bits so large amounts cannot overflow.</summary>
    public long ByRate(long costVnd)
    {
        if (costVnd < 0)
            throw new DomainException("NegativeAmount", "Số tiền không được âm.");
        return (long)((Int128)costVnd * RateBasisPoints / FullRate);
    }

    public static string RateText(int basisPoints) => (basisPoints / 100m).ToString("0.##", VnFormat.Culture) + "%";

    public SupportComputation Compute(
        IReadOnlyList<(string Description, long CostVnd)> items,
        long alreadyCommittedThisYearVnd
    )
    {
        if (alreadyCommittedThisYearVnd < 0)
            throw new DomainException("NegativeAmount", "Số tiền không được âm.");
        var lines = new List<SupportLine>();
        foreach (var (description, cost) in items)
        {
            var byRate = ByRate(cost);
            if (CapPerItemVnd is { } cap && byRate > cap)
                lines.Add(
                    new(
                        description,
                        cost,
                        byRate,
                        cap,
                        "Giới hạn {0} đ/{1}: {2}% × {3} đ = {4} đ được giảm xuống {0} đ.",
                        [
                            VnFormat.Vnd(cap),
                            ItemUnit,
                            RateText(RateBasisPoints).TrimEnd('%'),
                            VnFormat.Vnd(cost),
                            VnFormat.Vnd(byRate),
                        ]
                    )
                );
            else
                lines.Add(new(description, cost, byRate, byRate, null, []));
        }
        var total = lines.Sum(l => l.GrantedVnd);
        var max = total;
        string? reason = null;
        object[] args = [];
        if (CapPerEnterprisePerYearVnd is { } yearCap)
        {
            var left = Math.Max(0, yearCap - alreadyCommittedThisYearVnd);
            if (total > left)
            {
                max = left;
                reason =
                    "Giới hạn {0} đ/doanh nghiệp/năm (đã cam kết {1} đ trong năm): tổng {2} đ được giảm xuống {3} đ.";
                args =
                [
                    VnFormat.Vnd(yearCap),
                    VnFormat.Vnd(alreadyCommittedThisYearVnd),
                    VnFormat.Vnd(total),
                    VnFormat.Vnd(left),
                ];
            }
        }
        return new(lines, total, max, reason, args);
    }
}

/// <summary>Ranking of applications for the officer: SPCNCL priority first (when the program gives it), then the
/// earliest submission.</summary>
public static class SupportRanking
{
    public static IEnumerable<T> Rank<T>(
        IEnumerable<T> items,
        Func<T, bool> priority,
        Func<T, DateTimeOffset?> submittedAt
    ) => items.OrderByDescending(priority).ThenBy(i => submittedAt(i) ?? DateTimeOffset.MaxValue);
}
