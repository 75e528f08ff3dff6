using KeyProducts.Core.Enterprises;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>Vietnamese labels (localizer keys) for enterprise states.</summary>
public static class EnterpriseStatusText
{
    public static string Of(EnterpriseStatus s) =>
        s switch
        {
            EnterpriseStatus.Pending => "Chờ xác minh",
            EnterpriseStatus.Verified => "Đã xác minh",
            EnterpriseStatus.Rejected => "Bị từ chối",
            _ => s.ToString(),
        };
}
