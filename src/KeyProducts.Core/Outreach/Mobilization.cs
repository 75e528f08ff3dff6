using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;

namespace KeyProducts.Core.Outreach;

/// <summary>Stages of the mobilization pipeline (vận động doanh nghiệp lớn), in order.</summary>
public enum MobilizationStage
{
    Identified,
    Contacted,
    Guided,
    AccountRegistered,
    DossierStarted,
    Submitted,
    Eligible,
    Recognized,
}

/// <summary>What the records say about the enterprise with a target's tax code.</summary>
public sealed record EnterpriseProgress(bool HasAccount, IReadOnlyCollection<DossierState> DossierStates)
{
    public static readonly EnterpriseProgress None = new(false, []);
}

/// <summary>Rules of the pipeline: officers move a target up to "guided"; from there the stage follows the
/// enterprise's registration and dossiers, and never moves back by itself.</summary>
public static class MobilizationStages
{
    private static readonly HashSet<DossierState> EligibleOrLater =
    [
        DossierState.Eligible,
        DossierState.Scoring,
        DossierState.Scored,
        DossierState.PublishedForComment,
        DossierState.Proposed,
        DossierState.NotRecognized,
    ];

    /// <summary>The furthest stage the records prove, or null when they prove nothing beyond "guided".</summary>
    public static MobilizationStage? Observed(EnterpriseProgress progress)
    {
        var states = progress.DossierStates;
        if (states.Contains(DossierState.Recognized))
            return MobilizationStage.Recognized;
        if (states.Any(EligibleOrLater.Contains))
            return MobilizationStage.Eligible;
        if (states.Any(s => DossierStates.Submitted.Contains(s)))
            return MobilizationStage.Submitted;
        if (states.Count > 0)
            return MobilizationStage.DossierStarted;
        return progress.HasAccount ? MobilizationStage.AccountRegistered : null;
    }

    /// <summary>The stage to show: the recorded one, or further when the records prove more. Never lower.</summary>
    public static MobilizationStage Effective(MobilizationStage recorded, EnterpriseProgress progress) =>
        Observed(progress) is { } seen && seen > recorded ? seen : recorded;

    /// <summary>An officer's manual move: only the stages up to "guided", and only forward.</summary>
    public static void EnsureManualMove(MobilizationStage from, MobilizationStage to)
    {
        if (to > MobilizationStage.Guided)
            throw new DomainException(
                "mobilization.auto",
                "Các bước sau \"đã hướng dẫn\" được cập nhật tự động theo đăng ký và hồ sơ của doanh nghiệp."
            );
        if (to < from)
            throw new DomainException("mobilization.back", "Không thể lùi bước vận động.");
    }
}

/// <summary>Thresholds of a large enterprise (program.md §0), stored as data per round.</summary>
public sealed record MobilizationThresholds(long RevenueVnd, long ExportUsdCents)
{
    /// <summary>Revenue ≥ 100 billion VND/year, export ≥ USD 1 million/year.</summary>
    public static readonly MobilizationThresholds Plan2020 = new(100_000_000_000L, 1_000_000L * 100);

    public TargetFlags Flag(long? revenueVnd, long? exportUsdCents, bool highTech) =>
        (revenueVnd >= RevenueVnd ? TargetFlags.LargeRevenue : TargetFlags.None)
        | (exportUsdCents >= ExportUsdCents ? TargetFlags.LargeExport : TargetFlags.None)
        | (highTech ? TargetFlags.HighTech : TargetFlags.None);
}

/// <summary>The thresholds of a year's target list as stored data (one row per year; <see
/// cref="MobilizationThresholds.Plan2020"/>
/// when none was set).</summary>
public class TargetThresholds : Entity, IAudited
{
    public int Year { get; set; }
    public long RevenueVnd { get; set; }
    public long ExportUsdCents { get; set; }

    public MobilizationThresholds Rules => new(RevenueVnd, ExportUsdCents);
}

[Flags]
public enum TargetFlags
{
    None = 0,
    LargeRevenue = 1,
    LargeExport = 2,
    HighTech = 4,
}

public enum ContactKind
{
    Call,
    Visit,
    Mail,
    EventAttended,
}

/// <summary>An enterprise to mobilize (doanh nghiệp mục tiêu), identified by tax code within a round's list.</summary>
public class MobilizationTarget : Entity, IAudited, ISearchable
{
    public int Year { get; set; }
    public string TaxCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Sector { get; set; } = "";
    public string? CommuneCode { get; set; }
    public long? RevenueVnd { get; set; }
    public long? ExportUsdCents { get; set; }
    public string? HighTechProduct { get; set; }
    public string Source { get; set; } = "";

    /// <summary>Where invitations go; optional in the imported list.</summary>
    public string? Email { get; set; }
    public TargetFlags Flags { get; set; }
    public string? OwnerUserId { get; set; }

    /// <summary>The stage officers recorded (up to "guided"); later stages are computed from the records.</summary>
    public MobilizationStage Stage { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public List<TargetContact> Contacts { get; set; } = [];
    public DateTimeOffset? InvitedAt { get; set; }
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() => SearchText = Common.SearchText.Column(TaxCode, Name, Sector, HighTechProduct);

    public void MoveTo(MobilizationStage to)
    {
        MobilizationStages.EnsureManualMove(Stage, to);
        Stage = to;
    }

    /// <summary>Logs a contact; the first one moves an identified target to "contacted".</summary>
    public TargetContact LogContact(ContactKind kind, DateOnly on, string note, string? byUserId, DateTimeOffset now)
    {
        var c = new TargetContact
        {
            Target = this,
            Kind = kind,
            On = on,
            Note = note.Trim(),
            ByUserId = byUserId,
            RecordedAt = now,
        };
        Contacts.Add(c);
        if (Stage == MobilizationStage.Identified)
            Stage = MobilizationStage.Contacted;
        return c;
    }
}

/// <summary>A contact with a target: call, visit, mail or an event attended.</summary>
public class TargetContact : Entity, IAudited
{
    public int TargetId { get; set; }
    public MobilizationTarget? Target { get; set; }
    public ContactKind Kind { get; set; }
    public DateOnly On { get; set; }
    public string Note { get; set; } = "";
    public string? ByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
