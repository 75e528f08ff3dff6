using KeyProducts.Core.Rounds;

namespace KeyProducts.Web.Features.Rounds;

/// <summary>Vietnamese labels (localizer keys) of the round enums.</summary>
public static class RoundText
{
    public static string Of(RoundStatus s) =>
        s switch
        {
            RoundStatus.Draft => "Bản nháp",
            RoundStatus.Published => "Đã công bố",
            RoundStatus.Closed => "Đã đóng",
            _ => "Đã hoàn thành",
        };

    public static string Of(DocumentKind k) =>
        k switch
        {
            DocumentKind.Plan => "Kế hoạch",
            DocumentKind.Guidance => "Hướng dẫn",
            DocumentKind.Form => "Biểu mẫu",
            DocumentKind.CouncilEstablishment => "Quyết định thành lập Hội đồng",
            DocumentKind.Submission => "Tờ trình",
            DocumentKind.RecognitionDecision => "Quyết định công nhận",
            DocumentKind.Minutes => "Biên bản họp Hội đồng",
            _ => "Khác",
        };
}
