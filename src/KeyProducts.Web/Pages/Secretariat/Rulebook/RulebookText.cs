using KeyProducts.Core.Rulebook;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>Vietnamese labels (localizer keys) for rulebook enums.</summary>
public static class RulebookText
{
    public static string Of(CriteriaSetStatus s) =>
        s switch
        {
            CriteriaSetStatus.Draft => "Bản nháp",
            CriteriaSetStatus.Active => "Đang áp dụng",
            _ => "Ngừng áp dụng",
        };

    public static string Of(TrackKind k) =>
        k switch
        {
            TrackKind.HighTech => "Sản phẩm công nghệ cao",
            TrackKind.General => "Sản phẩm thông thường",
            TrackKind.Handicraft => "Thủ công mỹ nghệ",
            _ => "Khởi nghiệp",
        };

    public static string Of(ScoringMode m) => m == ScoringMode.Bands ? "Theo mức điểm" : "Chấm tự do trong khung";

    public static string Of(TieBreak t) =>
        t switch
        {
            TieBreak.HigherGroupScoreInOrder => "Điểm nhóm tiêu chí cao hơn theo thứ tự nhóm",
            TieBreak.EarlierSubmission => "Nộp hồ sơ sớm hơn",
            _ => "Doanh thu cao hơn",
        };

    public static string Of(DisagreementBasis b) =>
        b == DisagreementBasis.MemberTotal
            ? "Tổng điểm của từng thành viên cho một sản phẩm"
            : "Điểm của từng chỉ tiêu";

    public static string Of(AveragingMethod a) =>
        a == AveragingMethod.PerIndicatorThenSum
            ? "Trung bình từng chỉ tiêu rồi cộng"
            : "Tổng điểm từng thành viên rồi lấy trung bình";
}
