using KeyProducts.Core.Outreach;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>Vietnamese labels (translation keys) of the outreach enums.</summary>
public static class OutreachText
{
    public static string Of(EventKind k) =>
        k switch
        {
            EventKind.PressConference => "Họp báo",
            EventKind.TrainingConference => "Hội nghị tập huấn, phổ biến",
            EventKind.HonouringCeremony => "Lễ tôn vinh",
            _ => "Hội chợ",
        };

    public static string Of(PlaceKind k) =>
        k switch
        {
            PlaceKind.IndustrialCluster => "Cụm công nghiệp",
            PlaceKind.CraftVillage => "Làng nghề",
            _ => "Địa điểm khác",
        };

    public static string Of(RegistrationStatus s) =>
        s switch
        {
            RegistrationStatus.Confirmed => "Đã xác nhận",
            RegistrationStatus.WaitingList => "Danh sách chờ",
            RegistrationStatus.Cancelled => "Đã hủy",
            RegistrationStatus.Invited => "Đã mời, chờ trả lời",
            _ => "Từ chối tham dự",
        };

    public static string Of(MobilizationStage s) =>
        s switch
        {
            MobilizationStage.Identified => "Đã xác định",
            MobilizationStage.Contacted => "Đã liên hệ",
            MobilizationStage.Guided => "Đã hướng dẫn",
            MobilizationStage.AccountRegistered => "Đã đăng ký tài khoản",
            MobilizationStage.DossierStarted => "Đã lập hồ sơ",
            MobilizationStage.Submitted => "Đã nộp hồ sơ",
            MobilizationStage.Eligible => "Đủ điều kiện",
            _ => "Được công nhận",
        };

    public static string Of(ContactKind k) =>
        k switch
        {
            ContactKind.Call => "Gọi điện",
            ContactKind.Visit => "Đến thăm",
            ContactKind.Mail => "Gửi thư",
            _ => "Dự sự kiện",
        };

    public static string Badge(RegistrationStatus s) =>
        s switch
        {
            RegistrationStatus.Confirmed => "text-bg-success",
            RegistrationStatus.WaitingList => "text-bg-warning",
            RegistrationStatus.Invited => "text-bg-info",
            _ => "text-bg-secondary",
        };

    /// <summary>Flags as short labels ("Doanh thu ≥ ngưỡng", …).</summary>
    public static IEnumerable<string> Of(TargetFlags f)
    {
        if (f.HasFlag(TargetFlags.LargeRevenue))
            yield return "Doanh thu lớn";
        if (f.HasFlag(TargetFlags.LargeExport))
            yield return "Xuất khẩu lớn";
        if (f.HasFlag(TargetFlags.HighTech))
            yield return "Công nghệ cao";
    }
}
