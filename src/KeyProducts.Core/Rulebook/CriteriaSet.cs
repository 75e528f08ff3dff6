using KeyProducts.Core.Common;

namespace KeyProducts.Core.Rulebook;

/// <summary>Draft (being written) → Active (rounds may use it) → Retired (rounds using it keep it; new rounds cannot).
/// A draft may also be discarded (retired). A retired set is never reactivated: it is copied into a new
/// version.</summary>
public enum CriteriaSetStatus
{
    Draft,
    Active,
    Retired,
}

/// <summary>The one transition table of a rulebook.</summary>
public static class CriteriaSetTransitions
{
    public sealed record Rule(CriteriaSetStatus From, CriteriaSetStatus To, Dossiers.Actor Actor);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(CriteriaSetStatus.Draft, CriteriaSetStatus.Active, Dossiers.Actor.Officer),
        new(CriteriaSetStatus.Active, CriteriaSetStatus.Retired, Dossiers.Actor.Officer),
        new(CriteriaSetStatus.Draft, CriteriaSetStatus.Retired, Dossiers.Actor.Officer),
    ];

    public static Rule? Find(CriteriaSetStatus from, CriteriaSetStatus to, Dossiers.Actor actor) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to && r.Actor == actor);
}

/// <summary>A versioned rulebook (bộ tiêu chí): groups of indicators, eligibility tracks, conditions and decision
/// rules.</summary>
public class CriteriaSet : Entity, IAudited
{
    public string Name { get; set; } = "";
    public string LegalBasis { get; set; } = ""; // e.g. 496/QĐ-UBND
    public DateOnly? LegalBasisDate { get; set; }
    public int VersionNumber { get; set; } = 1;
    public CriteriaSetStatus Status { get; private set; } = CriteriaSetStatus.Draft;

    /// <summary>Set when a round using the set receives its first dossier; a frozen set can only be copied.</summary>
    public DateTimeOffset? FrozenAt { get; set; }
    public int? CopiedFromId { get; set; }

    /// <summary>True while the points are placeholders an officer must confirm against the official text.</summary>
    public bool NeedsConfirmation { get; set; }
    public string? Notes { get; set; }
    public DecisionRules Rules { get; set; } = new();
    public List<CriteriaGroup> Groups { get; set; } = [];
    public List<EligibilityTrack> Tracks { get; set; } = [];
    public List<EligibilityCondition> Conditions { get; set; } = [];

    public bool IsFrozen => FrozenAt is not null;
    public long MaxTotalHundredths => Groups.SelectMany(g => g.Indicators).Sum(i => i.MaxPointsHundredths);
    public IEnumerable<Indicator> Indicators =>
        Groups.OrderBy(g => g.SortOrder).SelectMany(g => g.Indicators.OrderBy(i => i.SortOrder));

    /// <summary>Moves the set along <see cref="CriteriaSetTransitions"/>. Activation needs indicators, a pass mark
    /// within
    /// the maximum and at least one eligibility track.</summary>
    public void Apply(CriteriaSetStatus to, Dossiers.Actor actor)
    {
        if (CriteriaSetTransitions.Find(Status, to, actor) is null)
            throw new DomainException(
                "CriteriaSetStatus",
                Status == CriteriaSetStatus.Retired
                    ? "Bộ tiêu chí đã ngừng áp dụng; hãy sao chép thành phiên bản mới."
                    : "Không thể chuyển trạng thái bộ tiêu chí."
            );
        if (to == CriteriaSetStatus.Active)
        {
            if (MaxTotalHundredths <= 0)
                throw new DomainException("NoIndicators", "Bộ tiêu chí chưa có chỉ tiêu nào.");
            if (Rules.PassMarkHundredths > MaxTotalHundredths)
                throw new DomainException("PassMarkAboveMax", "Điểm đạt lớn hơn tổng điểm tối đa của bộ tiêu chí.");
            if (Tracks.Count == 0)
                throw new DomainException("NoTracks", "Bộ tiêu chí chưa có nhóm điều kiện (luồng xét chọn) nào.");
        }
        Status = to;
    }

    /// <summary>Demo data only: sets the status without the table.</summary>
    public void ForceStatusForSeed(CriteriaSetStatus status) => Status = status;

    public void EnsureEditable()
    {
        if (IsFrozen)
            throw new DomainException(
                "CriteriaSetFrozen",
                "Bộ tiêu chí đã được dùng cho hồ sơ nên không thể sửa; hãy sao chép thành phiên bản mới."
            );
    }

    /// <summary>Copies the set into a new draft version, with fresh ids.</summary>
    public CriteriaSet CopyAsDraft(int newVersion) =>
        new()
        {
            Name = Name,
            LegalBasis = LegalBasis,
            LegalBasisDate = LegalBasisDate,
            VersionNumber = newVersion,
            CopiedFromId = Id,
            NeedsConfirmation = NeedsConfirmation,
            Notes = Notes,
            Rules = Rules.Copy(),
            Groups = Groups.Select(g => g.Copy()).ToList(),
            Tracks = Tracks.Select(t => t.Copy()).ToList(),
            Conditions = Conditions.Select(c => c.Copy()).ToList(),
        };
}

public enum TieBreak
{
    HigherGroupScoreInOrder,
    EarlierSubmission,
    HigherRevenue,
}

public enum AveragingMethod
{
    PerIndicatorThenSum,
    PerMemberTotalThenAverage,
}

/// <summary>What the disagreement threshold compares (program.md 3.4): the members' totals for a product, or each
/// indicator's scores separately.</summary>
public enum DisagreementBasis
{
    MemberTotal,
    Indicator,
}

/// <summary>Decision rules of a rulebook: all are data an officer configures, none are guessed in code.</summary>
public class DecisionRules
{
    public long PassMarkHundredths { get; set; }
    public int TopN { get; set; } = 10;
    public TieBreak TieBreak { get; set; } = TieBreak.HigherGroupScoreInOrder;
    public AveragingMethod Averaging { get; set; } = AveragingMethod.PerIndicatorThenSum;
    public int ValidityMonths { get; set; } = 36;

    /// <summary>Scorers of one product differing by more than this are flagged for discussion and re-scoring.</summary>
    public long SpreadLimitHundredths { get; set; } = 1000;

    /// <summary>Whether <see cref="SpreadLimitHundredths"/> applies to the members' totals or to each
    /// indicator.</summary>
    public DisagreementBasis Disagreement { get; set; } = DisagreementBasis.MemberTotal;

    /// <summary>Share of members who must attend to confirm results, in percent.</summary>
    public int QuorumPercent { get; set; } = 75;
    public bool ChairMustAttend { get; set; } = true;
    public bool UseNormalizedScores { get; set; }

    public DecisionRules Copy() => (DecisionRules)MemberwiseClone();
}

public class CriteriaGroup : Entity
{
    public int CriteriaSetId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }

    /// <summary>Optional minimum for the group, in points (hundredths) or percent of its maximum.</summary>
    public long? MinPointsHundredths { get; set; }
    public int? MinPercent { get; set; }
    public List<Indicator> Indicators { get; set; } = [];

    public long MaxHundredths => Indicators.Sum(i => i.MaxPointsHundredths);

    public CriteriaGroup Copy() =>
        new()
        {
            Code = Code,
            Name = Name,
            SortOrder = SortOrder,
            MinPointsHundredths = MinPointsHundredths,
            MinPercent = MinPercent,
            Indicators = Indicators.Select(i => i.Copy()).ToList(),
        };

    /// <summary>The group's minimum in hundredths of a point, or null when it has none.</summary>
    public long? EffectiveMinimumHundredths =>
        MinPointsHundredths ?? (MinPercent is { } p ? MaxHundredths * p / 100 : null);
}

public enum ScoringMode
{
    Free,
    Bands,
}

public class Indicator : Entity
{
    public int CriteriaGroupId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public long MaxPointsHundredths { get; set; }
    public ScoringMode Mode { get; set; }
    public string Guide { get; set; } = "";
    public string Evidence { get; set; } = "";

    /// <summary>The agency assigned to score it (phân công chấm điểm), if the rulebook names one.</summary>
    public int? AssignedAgencyId { get; set; }
    public List<ScoreBand> Bands { get; set; } = [];

    public Indicator Copy() =>
        new()
        {
            Code = Code,
            Name = Name,
            SortOrder = SortOrder,
            MaxPointsHundredths = MaxPointsHundredths,
            Mode = Mode,
            Guide = Guide,
            Evidence = Evidence,
            AssignedAgencyId = AssignedAgencyId,
            Bands = Bands
                .Select(b => new ScoreBand
                {
                    Label = b.Label,
                    PointsHundredths = b.PointsHundredths,
                    SortOrder = b.SortOrder,
                })
                .ToList(),
        };

    public bool Accepts(long pointsHundredths) =>
        Mode switch
        {
            ScoringMode.Bands => Bands.Any(b => b.PointsHundredths == pointsHundredths),
            _ => pointsHundredths >= 0 && pointsHundredths <= MaxPointsHundredths,
        };
}

/// <summary>One band of a banded indicator: a described level and the points it gives.</summary>
public class ScoreBand : Entity
{
    public int IndicatorId { get; set; }
    public string Label { get; set; } = "";
    public long PointsHundredths { get; set; }
    public int SortOrder { get; set; }
}
