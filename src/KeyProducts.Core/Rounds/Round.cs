using KeyProducts.Core.Common;

namespace KeyProducts.Core.Rounds;

public enum RoundStatus { Draft, Published, Closed, Completed }

/// <summary>A yearly selection round (đợt xét chọn) with its dates, rulebook and checklist.</summary>
public class Round : Entity, IAudited
{
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public int PhaseId { get; set; }
    public int CriteriaSetId { get; set; }
    public RoundStatus Status { get; set; }
    public string Description { get; set; } = "";
    public DateOnly RegistrationOpens { get; set; }
    public DateOnly SubmissionDeadline { get; set; }
    public DateOnly ScreeningDeadline { get; set; }
    public DateOnly? CouncilMeeting { get; set; }
    public DateOnly? CommentOpens { get; set; }
    public DateOnly? CommentCloses { get; set; }
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>Last sequence number used for dossier codes (SPCNCL-2026-0042).</summary>
    public int LastDossierNumber { get; set; }
    public List<ChecklistItem> Checklist { get; set; } = [];
    public List<RoundDocument> Documents { get; set; } = [];

    public bool IsOpenForSubmission(DateTimeOffset nowUtc, DateOnly? extendedTo = null)
    {
        if (Status != RoundStatus.Published) return false;
        var deadline = extendedTo is { } ext && ext > SubmissionDeadline ? ext : SubmissionDeadline;
        return nowUtc >= VietnamTime.StartOfDayUtc(RegistrationOpens) && nowUtc <= VietnamTime.EndOfDayUtc(deadline);
    }

    public bool IsInCommentWindow(DateTimeOffset nowUtc) =>
        CommentOpens is { } o && CommentCloses is { } c && nowUtc >= VietnamTime.StartOfDayUtc(o) && nowUtc <= VietnamTime.EndOfDayUtc(c);

    public string NextDossierCode()
    {
        LastDossierNumber++;
        return $"SPCNCL-{Year}-{LastDossierNumber:0000}";
    }
}

/// <summary>A document required in a dossier; optionally only for some tracks.</summary>
public class ChecklistItem : Entity
{
    public int RoundId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Hint { get; set; }
    public bool Mandatory { get; set; }
    public string TrackCodes { get; set; } = "";
    public int SortOrder { get; set; }

    public bool AppliesTo(string trackCode) =>
        string.IsNullOrWhiteSpace(TrackCodes) || TrackCodes.Split(',', StringSplitOptions.TrimEntries).Contains(trackCode, StringComparer.OrdinalIgnoreCase);
}

public enum DocumentKind { Plan, Guidance, Form, CouncilEstablishment, Submission, RecognitionDecision, Minutes, Other }

/// <summary>A document of the round's register (kế hoạch, hướng dẫn, biểu mẫu …), optionally with its file.</summary>
public class RoundDocument : Entity, IAudited
{
    public int RoundId { get; set; }
    public DocumentKind Kind { get; set; }
    public string? Number { get; set; }   // 1520/HD-SCT
    public DateOnly? IssuedOn { get; set; }
    public string Title { get; set; } = "";
    public string? Signer { get; set; }
    public string? FileName { get; set; }
    public string? FileSha256 { get; set; }
    public long? FileSize { get; set; }
    public string? ContentType { get; set; }
    public bool IsPublic { get; set; } = true;
}

/// <summary>An extension of the submission deadline for one enterprise, with its reason.</summary>
public class DeadlineExtension : Entity, IAudited
{
    public int RoundId { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly NewDeadline { get; set; }
    public string Reason { get; set; } = "";
    public string GrantedBy { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
}
