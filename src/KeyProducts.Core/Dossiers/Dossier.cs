using KeyProducts.Core.Common;

namespace KeyProducts.Core.Dossiers;

/// <summary>A dossier (hồ sơ): one product of one enterprise in one round, on one eligibility track.</summary>
public class Dossier : Entity, IAudited, ISearchable
{
    public string? Code { get; set; } // SPCNCL-2026-0042, given at first submission
    public int RoundId { get; set; }
    public int EnterpriseId { get; set; }
    public int ProductId { get; set; }
    public int TrackId { get; set; }
    public DossierState State { get; private set; } = DossierState.Draft;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? StateChangedAt { get; set; }

    /// <summary>Incremented at every submission or resubmission; each submission keeps a snapshot.</summary>
    public int Revision { get; set; }
    public string? DecisionReason { get; set; }
    public string SearchText { get; set; } = "";
    public List<DossierFigure> Figures { get; set; } = [];
    public List<ConditionAnswer> ConditionAnswers { get; set; } = [];
    public List<SelfAssessment> SelfAssessments { get; set; } = [];
    public List<DossierDocument> Documents { get; set; } = [];
    public List<DossierHistory> History { get; set; } = [];

    public void RefreshSearchText() => SearchText = Common.SearchText.Column(Code);

    public bool IsEditableByEnterprise => DossierStates.EditableByEnterprise.Contains(State);

    /// <summary>The single way to change state: checks the table, records history. Throws on an illegal move.</summary>
    public DossierHistory Apply(DossierState to, Actor actor, string userId, DateTimeOffset now, string? reason = null)
    {
        var rule = DossierTransitions.Find(State, to, actor) ?? throw new IllegalTransitionException(State, to, actor);
        if (rule.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ReasonRequired", "Cần nêu lý do cho bước này.");
        var entry = new DossierHistory
        {
            From = State,
            To = to,
            Actor = actor,
            UserId = userId,
            At = now,
            Reason = reason?.Trim(),
        };
        State = to;
        StateChangedAt = now;
        if (to is DossierState.Submitted or DossierState.Resubmitted)
        {
            Revision++;
            SubmittedAt ??= now;
        }
        if (rule.ReasonRequired)
            DecisionReason = reason?.Trim();
        History.Add(entry);
        return entry;
    }

    /// <summary>Only for seeding historical data and tests that need a dossier already far along.</summary>
    public void ForceStateForSeed(DossierState state) => State = state;
}

public class DossierHistory : Entity
{
    public int DossierId { get; set; }
    public DossierState From { get; set; }
    public DossierState To { get; set; }
    public Actor Actor { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The figures of one year (số liệu): VND as integers, export in USD cents.</summary>
public class DossierFigure : Entity
{
    public int DossierId { get; set; }
    public int Year { get; set; }
    public long? ProductRevenueVnd { get; set; }
    public long? EnterpriseRevenueVnd { get; set; }
    public long? IndustrialOutputVnd { get; set; }
    public long? ExportUsdCents { get; set; }
    public int? Employees { get; set; }
    public long? AverageMonthlyIncomeVnd { get; set; }
    public long? BudgetContributionVnd { get; set; }
    public long? RdSpendingVnd { get; set; }
}

public class ConditionAnswer : Entity
{
    public int DossierId { get; set; }
    public string ConditionCode { get; set; } = "";
    public bool? Answer { get; set; }
    public string? Note { get; set; }
}

/// <summary>The enterprise's own claim against one indicator, with the evidence it points to.</summary>
public class SelfAssessment : Entity
{
    public int DossierId { get; set; }
    public int IndicatorId { get; set; }
    public long? ClaimedHundredths { get; set; }
    public string Evidence { get; set; } = "";
}

/// <summary>An uploaded document, stored by SHA-256 outside the web root. Replaced files are kept, marked
/// replaced.</summary>
public class DossierDocument : Entity
{
    public int DossierId { get; set; }
    public int? ChecklistItemId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public int Revision { get; set; }
    public DateTimeOffset? ReplacedAt { get; set; }
}
