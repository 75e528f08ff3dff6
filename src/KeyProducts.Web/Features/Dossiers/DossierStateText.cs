using KeyProducts.Core.Dossiers;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Vietnamese names of dossier states (keys for the localizer).</summary>
public static class DossierStateText
{
    public static string Of(DossierState s) =>
        s switch
        {
            DossierState.Draft => "Bản nháp",
            DossierState.Submitted => "Đã nộp",
            DossierState.Screening => "Đang thẩm định",
            DossierState.NeedsSupplement => "Cần bổ sung",
            DossierState.Resubmitted => "Đã nộp bổ sung",
            DossierState.Eligible => "Đủ điều kiện",
            DossierState.Ineligible => "Không đủ điều kiện",
            DossierState.Scoring => "Đang chấm điểm",
            DossierState.Scored => "Đã chấm điểm",
            DossierState.PublishedForComment => "Đang lấy ý kiến",
            DossierState.Proposed => "Đề nghị công nhận",
            DossierState.Recognized => "Được công nhận",
            DossierState.NotRecognized => "Không được công nhận",
            DossierState.Withdrawn => "Đã rút",
            _ => s.ToString(),
        };

    public static string Target(SupplementTarget t) =>
        t switch
        {
            SupplementTarget.Figures => "Số liệu",
            SupplementTarget.Conditions => "Điều kiện",
            SupplementTarget.SelfAssessment => "Tự đánh giá",
            _ => "Tài liệu",
        };
}
