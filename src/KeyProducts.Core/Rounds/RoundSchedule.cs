using KeyProducts.Core.Common;

namespace KeyProducts.Core.Rounds;

/// <summary>The dates of a round an officer may set.</summary>
public sealed record RoundSchedule(
    DateOnly RegistrationOpens,
    DateOnly SubmissionDeadline,
    DateOnly ScreeningDeadline,
    DateOnly? CouncilMeeting,
    DateOnly? CommentOpens,
    DateOnly? CommentCloses
);

/// <summary>What an officer may change in a round, and when.</summary>
public static class RoundRules
{
    /// <summary>Date order; and once the results are on the public site for comment, the comment window announced to
    /// the public may be extended but never shortened, started later or removed.</summary>
    public static void CheckSchedule(RoundSchedule s, RoundSchedule? before, bool commentWindowPublished)
    {
        if (s.SubmissionDeadline < s.RegistrationOpens)
            throw new DomainException("Dates", "Hạn nộp hồ sơ phải sau ngày bắt đầu nhận hồ sơ.");
        if (s.ScreeningDeadline < s.SubmissionDeadline)
            throw new DomainException("Dates", "Hạn thẩm định phải sau hạn nộp hồ sơ.");
        if (s.CommentOpens is { } o && s.CommentCloses is { } c && c < o)
            throw new DomainException("Dates", "Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu.");
        if (s.CommentOpens.HasValue != s.CommentCloses.HasValue)
            throw new DomainException("Dates", "Cần nhập cả ngày bắt đầu và ngày kết thúc lấy ý kiến.");
        if (
            !commentWindowPublished
            || before?.CommentOpens is not { } wasOpen
            || before.CommentCloses is not { } wasClose
        )
            return;
        if (s.CommentOpens is not { } opens || s.CommentCloses is not { } closes)
            throw new DomainException(
                "CommentWindowPublished",
                "Thời gian lấy ý kiến đã được công bố nên không thể xóa."
            );
        if (opens > wasOpen)
            throw new DomainException(
                "CommentWindowPublished",
                "Thời gian lấy ý kiến đã được công bố từ ngày {0}: không thể lùi ngày bắt đầu.",
                VnFormat.Date(wasOpen)
            );
        if (closes < wasClose)
            throw new DomainException(
                "CommentWindowPublished",
                "Thời gian lấy ý kiến đã được công bố đến hết ngày {0}: chỉ có thể kéo dài, không thể rút ngắn.",
                VnFormat.Date(wasClose)
            );
    }

    /// <summary>The rulebook of a round: a new or changed set must be active, and none can change once a dossier was
    /// submitted (the set is then frozen with the round).</summary>
    public static void CheckCriteriaSet(int? currentSetId, int newSetId, bool newSetActive, bool dossiersSubmitted)
    {
        if (currentSetId == newSetId)
            return;
        if (dossiersSubmitted)
            throw new DomainException("Frozen", "Đợt đã nhận hồ sơ: không thể đổi bộ tiêu chí.");
        if (!newSetActive)
            throw new DomainException(
                "CriteriaSetNotActive",
                "Chỉ dùng được bộ tiêu chí đang áp dụng (đã kích hoạt) cho đợt xét chọn."
            );
    }
}
