using KeyProducts.Core.Program;

namespace KeyProducts.Web.Features.Program;

public static class AnnualReportText
{
    public static string State(AnnualReportState s) =>
        s switch
        {
            AnnualReportState.Draft => "Bản nháp",
            AnnualReportState.Submitted => "Đã nộp, chờ tiếp nhận",
            AnnualReportState.NeedsCorrection => "Cần bổ sung",
            _ => "Đã tiếp nhận",
        };
}
