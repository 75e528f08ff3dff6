using KeyProducts.Core.Support;

namespace KeyProducts.Web.Features.Support;

/// <summary>Vietnamese labels (translation keys) and badge colours of the support states.</summary>
public static class SupportStateText
{
    public static string Of(SupportState s) =>
        s switch
        {
            SupportState.Draft => "Đang soạn",
            SupportState.Submitted => "Đã nộp",
            SupportState.ChangesRequested => "Cần chỉnh sửa",
            SupportState.Resubmitted => "Đã nộp lại",
            SupportState.Approved => "Đã phê duyệt",
            SupportState.Rejected => "Không hỗ trợ",
            SupportState.Disbursing => "Đang giải ngân",
            SupportState.Completed => "Đã giải ngân đủ",
            _ => s.ToString(),
        };

    public static string Badge(SupportState s) =>
        s switch
        {
            SupportState.Draft => "secondary",
            SupportState.Submitted or SupportState.Resubmitted => "primary",
            SupportState.ChangesRequested => "warning",
            SupportState.Approved or SupportState.Disbursing => "info",
            SupportState.Completed => "success",
            SupportState.Rejected => "danger",
            _ => "secondary",
        };
}
