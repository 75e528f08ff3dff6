namespace KeyProducts.Core.Dossiers;

/// <summary>States of a dossier (hồ sơ), program.md §11.2.</summary>
public enum DossierState
{
    Draft,
    Submitted,
    Screening,
    NeedsSupplement,
    Resubmitted,
    Eligible,
    Ineligible,
    Scoring,
    Scored,
    PublishedForComment,
    Proposed,
    Recognized,
    NotRecognized,
    Withdrawn,
}

public enum Actor
{
    Enterprise,
    Officer,
    Council,
    Leader,
    System,
}

/// <summary>Named sets of states, used by queries and badges.</summary>
public static class DossierStates
{
    public static readonly IReadOnlySet<DossierState> EditableByEnterprise = new HashSet<DossierState>
    {
        DossierState.Draft,
        DossierState.NeedsSupplement,
    };
    public static readonly IReadOnlySet<DossierState> AwaitingScreening = new HashSet<DossierState>
    {
        DossierState.Submitted,
        DossierState.Screening,
        DossierState.Resubmitted,
    };
    public static readonly IReadOnlySet<DossierState> InCouncil = new HashSet<DossierState>
    {
        DossierState.Eligible,
        DossierState.Scoring,
        DossierState.Scored,
    };
    public static readonly IReadOnlySet<DossierState> Final = new HashSet<DossierState>
    {
        DossierState.Ineligible,
        DossierState.Recognized,
        DossierState.NotRecognized,
        DossierState.Withdrawn,
    };
    public static readonly IReadOnlySet<DossierState> Submitted = new HashSet<DossierState>(
        Enum.GetValues<DossierState>().Where(s => s is not DossierState.Draft and not DossierState.Withdrawn)
    );

    /// <summary>States in which council members see a dossier (they score only while it is in Scoring): from the moment
    /// the
    /// secretariat hands it to the council, never before (a draft, a dossier under screening, an ineligible
    /// one).</summary>
    public static readonly IReadOnlySet<DossierState> VisibleToCouncil = new HashSet<DossierState>
    {
        DossierState.Scoring,
        DossierState.Scored,
        DossierState.PublishedForComment,
        DossierState.Proposed,
        DossierState.Recognized,
        DossierState.NotRecognized,
    };

    /// <summary>Bootstrap badge colour for a state.</summary>
    public static string Badge(DossierState s) =>
        s switch
        {
            DossierState.Draft => "secondary",
            DossierState.NeedsSupplement => "warning",
            DossierState.Ineligible or DossierState.NotRecognized or DossierState.Withdrawn => "danger",
            DossierState.Eligible or DossierState.Recognized => "success",
            _ => "primary",
        };
}
