namespace KeyProducts.Web.Pages.Shared;

public static class RoleText
{
    public static string Of(string role) =>
        role switch
        {
            Data.Roles.Enterprise => "Doanh nghiệp",
            Data.Roles.Officer => "Cán bộ Sở Công Thương",
            Data.Roles.CouncilMember => "Thành viên Hội đồng",
            Data.Roles.Leader => "Lãnh đạo Thành phố",
            Data.Roles.Admin => "Quản trị viên",
            _ => role,
        };
}
