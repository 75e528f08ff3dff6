using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;

namespace KeyProducts.Core.Rounds;

/// <summary>Draft (being prepared) → Published (the call is public, dossiers accepted within the dates) → Closed (the
/// council confirmed its results: no new dossier enters) → Completed (the city's decision is recorded).</summary>
public enum RoundStatus
{
    Draft,
    Published,
    Closed,
    Completed,
}

/// <summary>The one transition table of a round.</summary>
public static class RoundTransitions
{
    public sealed record Rule(RoundStatus From, RoundStatus To, Actor Actor);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(RoundStatus.Draft, RoundStatus.Published, Actor.Officer),
        new(RoundStatus.Published, RoundStatus.Closed, Actor.Officer),
        new(RoundStatus.Closed, RoundStatus.Completed, Actor.Officer),
    ];

    public static Rule? Find(RoundStatus from, RoundStatus to, Actor actor) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to && r.Actor == actor);
}

/// <summary>A yearly selection round (đợt xét chọn) with its dates, rulebook and checklist.</summary>
public class Round : Entity, IAudited
{
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public int PhaseId { get; set; }
    public int CriteriaSetId { get; set; }
    public RoundStatus Status { get; private set; }
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
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When the council's confirmation closed the round to new dossiers.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the city's recognition decision was recorded.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Last sequence number used for dossier codes (SPCNCL-2026-0042).</summary>
    public int LastDossierNumber { get; set; }
    public List<ChecklistItem> Checklist { get; set; } = [];
    public List<RoundDocument> Documents { get; set; } = [];

    /// <summary>Moves the round along <see cref="RoundTransitions"/>; publishing needs a document checklist.</summary>
    public void Apply(RoundStatus to, Actor actor, DateTimeOffset now)
    {
        if (RoundTransitions.Find(Status, to, actor) is null)
            throw new DomainException(
                "RoundStatus",
                "Không thể chuyển đợt xét chọn từ trạng thái {0} sang {1}.",
                RoundStatusText.Of(Status),
                RoundStatusText.Of(to)
            );
        if (to == RoundStatus.Published && Checklist.Count == 0)
            throw new DomainException("Checklist", "Cần có danh mục tài liệu trước khi công bố.");
        Status = to;
        switch (to)
        {
            case RoundStatus.Published:
                PublishedAt = now;
                break;
            case RoundStatus.Closed:
                ClosedAt = now;
                break;
            case RoundStatus.Completed:
                CompletedAt = now;
                break;
        }
    }

    /// <summary>Demo data and imports of past rounds only: sets the status without the table.</summary>
    public void ForceStatusForSeed(RoundStatus status, DateTimeOffset? at = null)
    {
        Status = status;
        if (status != RoundStatus.Draft)
            PublishedAt ??= at;
        if (status is RoundStatus.Closed or RoundStatus.Completed)
            ClosedAt ??= at;
        if (status == RoundStatus.Completed)
            CompletedAt ??= at;
    }

    public bool IsOpenForSubmission(DateTimeOffset nowUtc, DateOnly? extendedTo = null)
    {
        if (Status != RoundStatus.Published)
            return false;
        var deadline = extendedTo is { } ext && ext > SubmissionDeadline ? ext : SubmissionDeadline;
        return nowUtc >= VietnamTime.StartOfDayUtc(RegistrationOpens) && nowUtc <= VietnamTime.EndOfDayUtc(deadline);
    }

    public bool IsInCommentWindow(DateTimeOffset nowUtc) =>
        CommentOpens is { } o
        && CommentCloses is { } c
        && nowUtc >= VietnamTime.StartOfDayUtc(o)
        && nowUtc <= VietnamTime.EndOfDayUtc(c);

    public string NextDossierCode()
    {
        LastDossierNumber++;
        return Recognition.DocumentCodes.Receipt(Year, LastDossierNumber);
    }
}

public static class RoundStatusText
{
    public static Term Of(RoundStatus status) =>
        status switch
        {
            RoundStatus.Draft => new("đang soạn"),
            RoundStatus.Published => new("đã công bố"),
            RoundStatus.Closed => new("đã đóng"),
            _ => new("đã hoàn thành"),
        };
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

    /// <summary>A document that proves compliance with the law (environment, quality, intellectual property): its
    /// presence satisfies the compliance condition of eligibility tracks that require it (e.g. high-tech
    /// products).</summary>
    public bool ProvesCompliance { get; set; }

    public bool AppliesTo(string trackCode) =>
        string.IsNullOrWhiteSpace(TrackCodes)
        || TrackCodes.Split(',', StringSplitOptions.TrimEntries).Contains(trackCode, StringComparer.OrdinalIgnoreCase);
}

public enum DocumentKind
{
    Plan,
    Guidance,
    Form,
    CouncilEstablishment,
    Submission,
    RecognitionDecision,
    Minutes,
    Other,
}

/// <summary>A document of the round's register (kế hoạch, hướng dẫn, biểu mẫu …), optionally with its file.</summary>
public class RoundDocument : Entity, IAudited
{
    public int RoundId { get; set; }
    public DocumentKind Kind { get; set; }
    public string? Number { get; set; } // 1520/HD-SCT
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
