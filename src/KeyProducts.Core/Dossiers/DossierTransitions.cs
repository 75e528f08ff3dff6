using KeyProducts.Core.Common;

namespace KeyProducts.Core.Dossiers;

/// <summary>The one state machine of a dossier: every change of state goes through <see
/// cref="Dossier.Apply"/>.</summary>
public static class DossierTransitions
{
    public sealed record Rule(DossierState From, DossierState To, Actor Actor, bool ReasonRequired);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(DossierState.Draft, DossierState.Submitted, Actor.Enterprise, false),
        new(DossierState.Draft, DossierState.Withdrawn, Actor.Enterprise, false),
        new(DossierState.Submitted, DossierState.Screening, Actor.Officer, false),
        new(DossierState.Resubmitted, DossierState.Screening, Actor.Officer, false),
        new(DossierState.Screening, DossierState.NeedsSupplement, Actor.Officer, true),
        new(DossierState.Submitted, DossierState.NeedsSupplement, Actor.Officer, true),
        new(DossierState.Resubmitted, DossierState.NeedsSupplement, Actor.Officer, true),
        new(DossierState.NeedsSupplement, DossierState.Resubmitted, Actor.Enterprise, false),
        new(DossierState.Screening, DossierState.Eligible, Actor.Officer, false),
        new(DossierState.Submitted, DossierState.Eligible, Actor.Officer, false),
        new(DossierState.Resubmitted, DossierState.Eligible, Actor.Officer, false),
        new(DossierState.Screening, DossierState.Ineligible, Actor.Officer, true),
        new(DossierState.Submitted, DossierState.Ineligible, Actor.Officer, true),
        new(DossierState.Resubmitted, DossierState.Ineligible, Actor.Officer, true),
        new(DossierState.Eligible, DossierState.Scoring, Actor.Officer, false),
        new(DossierState.Scoring, DossierState.Scored, Actor.Officer, false),
        new(DossierState.Scored, DossierState.Scoring, Actor.Officer, true),
        new(DossierState.Scored, DossierState.PublishedForComment, Actor.Officer, false),
        new(DossierState.PublishedForComment, DossierState.Proposed, Actor.Officer, false),
        new(DossierState.PublishedForComment, DossierState.NotRecognized, Actor.Officer, true),
        new(DossierState.Scored, DossierState.NotRecognized, Actor.Officer, true),
        new(DossierState.Proposed, DossierState.Recognized, Actor.Officer, false),
        new(DossierState.Proposed, DossierState.NotRecognized, Actor.Officer, true),
    ];

    public static Rule? Find(DossierState from, DossierState to, Actor actor) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to && r.Actor == actor);

    public static IEnumerable<DossierState> AllowedFrom(DossierState from, Actor actor) =>
        Rules.Where(r => r.From == from && r.Actor == actor).Select(r => r.To);
}

/// <summary>Raised when a transition is not in the table or lacks its reason. Never silently ignored.</summary>
public sealed class IllegalTransitionException(DossierState from, DossierState to, Actor actor)
    : DomainException("IllegalTransition", $"Không thể chuyển hồ sơ từ trạng thái {from} sang {to} ({actor}).")
{
    public DossierState From { get; } = from;
    public DossierState To { get; } = to;
}
