using KeyProducts.Core.Common;

namespace KeyProducts.Core.Council;

public enum CouncilRole
{
    Chair,
    ViceChair,
    Member,
    Secretary,
}

/// <summary>The selection council of a round (Hội đồng đánh giá, xét chọn), set up by a UBND decision.</summary>
public class SelectionCouncil : Entity, IAudited
{
    public int RoundId { get; set; }
    public string DecisionNumber { get; set; } = ""; // 4074/QĐ-UBND
    public DateOnly DecisionDate { get; set; }

    /// <summary>1 for the first scoring pass; 2 once flagged products are re-scored.</summary>
    public int CurrentPass { get; set; } = 1;

    /// <summary>Members should submit their sheets by this day; later sheets show as overdue.</summary>
    public DateOnly? ScoringDeadline { get; set; }
    public DateTimeOffset? ResultsConfirmedAt { get; private set; }

    /// <summary>When the proposed list went on the public site for comment.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When the list was proposed to the city for decision, after the comment window.</summary>
    public DateTimeOffset? ProposedAt { get; private set; }
    public List<CouncilMember> Members { get; set; } = [];

    public CouncilStage Stage =>
        ProposedAt is not null ? CouncilStage.Proposed
        : PublishedAt is not null ? CouncilStage.PublishedForComment
        : ResultsConfirmedAt is not null ? CouncilStage.Confirmed
        : CouncilStage.Scoring;

    /// <summary>Moves the council to its next stage; anything not in <see cref="CouncilTransitions"/> is
    /// refused.</summary>
    public void Apply(CouncilStage to, Dossiers.Actor actor, DateTimeOffset now)
    {
        if (CouncilTransitions.Find(Stage, to, actor) is null)
            throw new DomainException(
                "CouncilStage",
                "Không thể chuyển hội đồng từ bước {0} sang bước {1}.",
                CouncilStageText.Of(Stage),
                CouncilStageText.Of(to)
            );
        switch (to)
        {
            case CouncilStage.Confirmed:
                ResultsConfirmedAt = now;
                break;
            case CouncilStage.PublishedForComment:
                PublishedAt = now;
                break;
            case CouncilStage.Proposed:
                ProposedAt = now;
                break;
        }
    }

    /// <summary>The minutes and the draft decision make sense only once the meeting has confirmed the results: before
    /// that
    /// they would record no attendance and recognize nothing.</summary>
    public bool DocumentsReady => Stage != CouncilStage.Scoring;

    /// <summary>What the meeting confirmed is frozen: members, assignments, conflicts, attendance and sheets.</summary>
    public void EnsureScoringOpen()
    {
        if (Stage != CouncilStage.Scoring)
            throw new DomainException(
                "ResultsConfirmed",
                "Kết quả đã được Hội đồng xác nhận; không thể thay đổi thành phần, phân công, "
                    + "điểm danh hay phiếu chấm."
            );
    }
}

public class CouncilMember : Entity, IAudited
{
    public int CouncilId { get; set; }
    public string FullName { get; set; } = "";
    public string Title { get; set; } = "";
    public int? AgencyId { get; set; }
    public CouncilRole Role { get; set; }
    public string? UserId { get; set; }
}

/// <summary>Which member scores which indicator in a round (phân công chấm điểm).</summary>
public class IndicatorAssignment : Entity, IAudited
{
    public int CouncilId { get; set; }
    public int IndicatorId { get; set; }
    public int MemberId { get; set; }
}

/// <summary>A declared relationship between a member and an enterprise: the member is excluded from its
/// dossiers.</summary>
public class ConflictOfInterest : Entity, IAudited
{
    public int MemberId { get; set; }
    public int EnterpriseId { get; set; }
    public string Relationship { get; set; } = "";
    public string DeclaredBy { get; set; } = "";
    public DateTimeOffset DeclaredAt { get; set; }
}

public enum SheetStatus
{
    Draft,
    Submitted,
    Reopened,
}

/// <summary>One member's scores for one dossier in one pass.</summary>
public class ScoreSheet : Entity, IAudited
{
    public int MemberId { get; set; }
    public int DossierId { get; set; }
    public int Pass { get; set; } = 1;
    public SheetStatus Status { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Touched on every save so that the sheet's Version moves even when only its scores change.</summary>
    public DateTimeOffset? LastSavedAt { get; set; }
    public string? ReopenReason { get; set; }
    public List<Score> Scores { get; set; } = [];

    public bool IsLocked => Status == SheetStatus.Submitted;

    /// <summary>Independence: a member sees another member's scores of the same dossier and pass only once their own
    /// sheet
    /// is submitted, and only the other's submitted sheet (never a draft being typed).</summary>
    public bool MaySee(ScoreSheet other) =>
        IsLocked && other.IsLocked && other.DossierId == DossierId && other.Pass == Pass && other.MemberId != MemberId;

    /// <summary>Records (or replaces) the score of one indicator; refuses values outside its bounds or bands.</summary>
    public void Record(Rulebook.Indicator indicator, long pointsHundredths, string? comment)
    {
        EnsureEditable();
        if (!indicator.Accepts(pointsHundredths))
            throw new DomainException(
                "ScoreOutOfBounds",
                "Điểm của chỉ tiêu {0} không hợp lệ (tối đa {1}).",
                indicator.Code,
                VnFormat.Points(indicator.MaxPointsHundredths)
            );
        var score = Scores.FirstOrDefault(s => s.IndicatorId == indicator.Id);
        if (score is null)
            Scores.Add(score = new Score { IndicatorId = indicator.Id });
        score.PointsHundredths = pointsHundredths;
        score.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    public void Clear(int indicatorId)
    {
        EnsureEditable();
        Scores.RemoveAll(s => s.IndicatorId == indicatorId);
    }

    /// <summary>Locks the sheet; every assigned indicator must be scored first.</summary>
    public void Submit(DateTimeOffset now, IReadOnlyCollection<int> requiredIndicatorIds)
    {
        EnsureEditable();
        var missing = requiredIndicatorIds.Count(id => Scores.All(s => s.IndicatorId != id));
        if (missing > 0)
            throw new DomainException("SheetIncomplete", "Còn {0} chỉ tiêu chưa chấm; không thể nộp phiếu.", missing);
        Status = SheetStatus.Submitted;
        SubmittedAt = now;
    }

    /// <summary>The secretary reopens a submitted sheet; the reason is kept (and audited).</summary>
    public void Reopen(string reason)
    {
        if (Status != SheetStatus.Submitted)
            throw new DomainException("SheetNotSubmitted", "Phiếu chưa nộp nên không cần mở lại.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ReasonRequired", "Cần nêu lý do mở lại phiếu chấm.");
        Status = SheetStatus.Reopened;
        ReopenReason = reason.Trim();
    }

    private void EnsureEditable()
    {
        if (IsLocked)
            throw new DomainException("SheetLocked", "Phiếu chấm đã nộp và bị khóa; liên hệ Tổ thư ký nếu cần mở lại.");
    }
}

public class Score : Entity, IAudited
{
    public int ScoreSheetId { get; set; }
    public int IndicatorId { get; set; }
    public long PointsHundredths { get; set; }
    public string? Comment { get; set; }
}

/// <summary>Attendance at the council meeting.</summary>
public class Attendance : Entity, IAudited
{
    public int CouncilId { get; set; }
    public int MemberId { get; set; }
    public bool Present { get; set; }
}

/// <summary>A comment from the public on results published for comment.</summary>
public class PublicComment : Entity, IAudited
{
    public int RoundId { get; set; }
    public int? DossierId { get; set; }
    public string Name { get; set; } = "";
    public string Contact { get; set; } = "";
    public string Content { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public string? Response { get; set; }
    public string? Handling { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
