using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;

namespace KeyProducts.Core.Council;

/// <summary>Where the council's work on a round stands. Derived from the stage timestamps of
/// <see cref="SelectionCouncil"/>, which only <see cref="SelectionCouncil.Apply"/> moves.</summary>
public enum CouncilStage
{
    Scoring,
    Confirmed,
    PublishedForComment,
    Proposed,
}

/// <summary>The one transition table of the council's stages.</summary>
public static class CouncilTransitions
{
    public sealed record Rule(CouncilStage From, CouncilStage To, Actor Actor);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(CouncilStage.Scoring, CouncilStage.Confirmed, Actor.Officer),
        new(CouncilStage.Confirmed, CouncilStage.PublishedForComment, Actor.Officer),
        new(CouncilStage.PublishedForComment, CouncilStage.Proposed, Actor.Officer),
    ];

    public static Rule? Find(CouncilStage from, CouncilStage to, Actor actor) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to && r.Actor == actor);
}

/// <summary>The result of checking that every product was scored by enough members before the meeting
/// confirms.</summary>
public sealed record ScoringCompleteness(
    int DossierId,
    int ExpectedScorers,
    int SubmittedScorers,
    int RequiredScorers,
    int UnscoredIndicators
)
{
    public bool Complete => SubmittedScorers >= RequiredScorers && UnscoredIndicators == 0;

    /// <summary>A product counts as scored when at least the rulebook's quorum share of the members who may score it
    /// (assigned to an indicator and not conflicted) submitted their sheets in the current pass, and every indicator of
    /// the rulebook has at least one submitted score. At least one scorer is always required.</summary>
    public static ScoringCompleteness Evaluate(
        int dossierId,
        int quorumPercent,
        int expectedScorers,
        int submittedScorers,
        int unscoredIndicators
    )
    {
        var required = Math.Max(1, (int)Math.Ceiling(expectedScorers * Math.Clamp(quorumPercent, 0, 100) / 100m));
        return new ScoringCompleteness(dossierId, expectedScorers, submittedScorers, required, unscoredIndicators);
    }
}

public static class CouncilStageText
{
    public static Term Of(CouncilStage stage) =>
        stage switch
        {
            CouncilStage.Scoring => new("chấm điểm"),
            CouncilStage.Confirmed => new("đã xác nhận kết quả"),
            CouncilStage.PublishedForComment => new("công bố lấy ý kiến"),
            _ => new("đã trình quyết định"),
        };
}
