using KeyProducts.Core.Common;

namespace KeyProducts.Core.Rulebook;

public enum TrackKind
{
    HighTech,
    General,
    Handicraft,
    Startup,
}

/// <summary>An eligibility track (A high-tech, B general, C handicraft, D startup) with its quantitative
/// gates.</summary>
public class EligibilityTrack : Entity
{
    public int CriteriaSetId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public TrackKind Kind { get; set; }
    public long? MinRevenueVnd { get; set; }
    public long? MinExportUsdCents { get; set; }
    public bool RequiresHighTechListing { get; set; }
    public bool RequiresComplianceReport { get; set; }

    /// <summary>Qualitative tracks (startups) are decided by an officer, not computed.</summary>
    public bool OfficerDecides { get; set; }
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }

    public EligibilityTrack Copy() =>
        new()
        {
            Code = Code,
            Name = Name,
            Kind = Kind,
            MinRevenueVnd = MinRevenueVnd,
            MinExportUsdCents = MinExportUsdCents,
            RequiresHighTechListing = RequiresHighTechListing,
            RequiresComplianceReport = RequiresComplianceReport,
            OfficerDecides = OfficerDecides,
            Description = Description,
            SortOrder = SortOrder,
        };
}

/// <summary>A yes/no condition every applicant must meet (head office or factory in the city, no violation within N
/// months…).</summary>
public class EligibilityCondition : Entity
{
    public int CriteriaSetId { get; set; }
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>The answer that satisfies the condition.</summary>
    public bool RequiredAnswer { get; set; } = true;

    /// <summary>Track codes it applies to, comma-separated; empty means every track.</summary>
    public string TrackCodes { get; set; } = "";
    public int SortOrder { get; set; }

    public bool AppliesTo(string trackCode) =>
        string.IsNullOrWhiteSpace(TrackCodes)
        || TrackCodes.Split(',', StringSplitOptions.TrimEntries).Contains(trackCode, StringComparer.OrdinalIgnoreCase);

    public EligibilityCondition Copy() =>
        new()
        {
            Code = Code,
            Text = Text,
            RequiredAnswer = RequiredAnswer,
            TrackCodes = TrackCodes,
            SortOrder = SortOrder,
        };
}

/// <summary>The figures eligibility is computed from: the latest complete year.</summary>
public sealed record EligibilityFigures(
    long? RevenueVnd,
    long? ExportUsdCents,
    bool ProductOnHighTechList,
    bool HasComplianceReport,
    bool PresenceInCity,
    IReadOnlyDictionary<string, bool?> ConditionAnswers
);

public enum GateOutcome
{
    Met,
    NotMet,
    Missing,
    OfficerDecides,
}

public sealed record GateResult(string Key, GateOutcome Outcome, string Requirement, string Actual);

public sealed record EligibilityResult(IReadOnlyList<GateResult> Gates)
{
    public bool AllMet => Gates.All(g => g.Outcome == GateOutcome.Met);
    public bool AnyNotMet => Gates.Any(g => g.Outcome == GateOutcome.NotMet);
    public GateOutcome Overall =>
        AnyNotMet ? GateOutcome.NotMet
        : Gates.Any(g => g.Outcome == GateOutcome.Missing) ? GateOutcome.Missing
        : Gates.Any(g => g.Outcome == GateOutcome.OfficerDecides) ? GateOutcome.OfficerDecides
        : GateOutcome.Met;
}

/// <summary>Evaluates a track's gates against the figures: thresholds are inclusive (≥).</summary>
public static class EligibilityPreview
{
    public static EligibilityResult Evaluate(
        EligibilityTrack track,
        IEnumerable<EligibilityCondition> conditions,
        EligibilityFigures f
    )
    {
        var gates = new List<GateResult>
        {
            new(
                "presence",
                f.PresenceInCity ? GateOutcome.Met : GateOutcome.NotMet,
                "Trụ sở chính hoặc nhà xưởng sản xuất tại Hà Nội",
                f.PresenceInCity ? "Có" : "Không"
            ),
        };
        if (track.RequiresHighTechListing)
            gates.Add(
                new(
                    "hightech",
                    f.ProductOnHighTechList ? GateOutcome.Met : GateOutcome.NotMet,
                    "Sản phẩm thuộc Danh mục sản phẩm công nghệ cao được khuyến khích phát triển",
                    f.ProductOnHighTechList ? "Có" : "Không"
                )
            );
        if (track.MinRevenueVnd is { } minRev)
            gates.Add(
                new(
                    "revenue",
                    f.RevenueVnd is null ? GateOutcome.Missing
                        : f.RevenueVnd >= minRev ? GateOutcome.Met
                        : GateOutcome.NotMet,
                    $"Doanh thu ≥ {VnFormat.Vnd(minRev)} đồng/năm",
                    f.RevenueVnd is { } r ? VnFormat.Vnd(r) + " đồng" : "—"
                )
            );
        if (track.MinExportUsdCents is { } minExp)
            gates.Add(
                new(
                    "export",
                    f.ExportUsdCents is null ? GateOutcome.Missing
                        : f.ExportUsdCents >= minExp ? GateOutcome.Met
                        : GateOutcome.NotMet,
                    $"Kim ngạch xuất khẩu ≥ {VnFormat.Usd(minExp)} USD/năm",
                    f.ExportUsdCents is { } e ? VnFormat.Usd(e) + " USD" : "—"
                )
            );
        if (track.RequiresComplianceReport)
            gates.Add(
                new(
                    "compliance",
                    f.HasComplianceReport ? GateOutcome.Met : GateOutcome.Missing,
                    "Báo cáo chứng minh hoặc cam kết tuân thủ pháp luật (môi trường, chất lượng, sở hữu trí tuệ)",
                    f.HasComplianceReport ? "Đã nộp" : "Chưa nộp"
                )
            );
        if (track.OfficerDecides)
            gates.Add(
                new(
                    "qualitative",
                    GateOutcome.OfficerDecides,
                    "Ý tưởng sáng tạo, xu thế phát triển, khả năng hội nhập (cán bộ đánh giá)",
                    "—"
                )
            );
        foreach (var c in conditions.Where(c => c.AppliesTo(track.Code)).OrderBy(c => c.SortOrder))
        {
            f.ConditionAnswers.TryGetValue(c.Code, out var answer);
            var outcome =
                answer is null ? GateOutcome.Missing
                : answer == c.RequiredAnswer ? GateOutcome.Met
                : GateOutcome.NotMet;
            gates.Add(
                new(
                    "condition:" + c.Code,
                    outcome,
                    c.Text,
                    answer is null ? "—"
                        : answer.Value ? "Có"
                        : "Không"
                )
            );
        }
        return new EligibilityResult(gates);
    }
}
