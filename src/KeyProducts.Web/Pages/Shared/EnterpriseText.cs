using KeyProducts.Core.Enterprises;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>Vietnamese labels (localizer keys) for the enterprise enums.</summary>
public static class EnterpriseText
{
    public static string Of(LegalForm f) =>
        f switch
        {
            LegalForm.JointStock => "Công ty cổ phần",
            LegalForm.LimitedLiability => "Công ty TNHH hai thành viên trở lên",
            LegalForm.SingleMemberLimited => "Công ty TNHH một thành viên",
            LegalForm.Partnership => "Công ty hợp danh",
            LegalForm.Private => "Doanh nghiệp tư nhân",
            LegalForm.Cooperative => "Hợp tác xã",
            _ => "Loại hình khác",
        };

    public static string Of(Ownership o) =>
        o switch
        {
            Ownership.Domestic => "Doanh nghiệp trong nước",
            Ownership.Fdi => "Doanh nghiệp có vốn đầu tư nước ngoài (FDI)",
            _ => "Doanh nghiệp nhà nước",
        };

    public static string Badge(EnterpriseStatus s) =>
        s switch
        {
            EnterpriseStatus.Verified => "success",
            EnterpriseStatus.Rejected => "danger",
            _ => "warning",
        };
}
