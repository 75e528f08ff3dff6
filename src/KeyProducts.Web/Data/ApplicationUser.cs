using Microsoft.AspNetCore.Identity;

namespace KeyProducts.Web.Data;

public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For enterprise staff: the enterprise they act for. Never set for other roles.</summary>
    public int? EnterpriseId { get; set; }
    public bool IsEnterpriseOwner { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The roles of the program. Names are stable identifiers, shown to people through the localizer.</summary>
public static class Roles
{
    public const string Enterprise = "Enterprise";
    public const string Officer = "Officer";
    public const string CouncilMember = "CouncilMember";
    public const string Leader = "Leader";
    public const string Admin = "Admin";

    public static readonly string[] All = [Enterprise, Officer, CouncilMember, Leader, Admin];

    /// <summary>Where each role lands after logging in.</summary>
    public static string HomeOf(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        if (set.Contains(Admin))
            return "/Admin";
        if (set.Contains(Officer))
            return "/Secretariat";
        if (set.Contains(CouncilMember))
            return "/Council";
        if (set.Contains(Leader))
            return "/Leaders";
        if (set.Contains(Enterprise))
            return "/Portal";
        return "/";
    }
}
