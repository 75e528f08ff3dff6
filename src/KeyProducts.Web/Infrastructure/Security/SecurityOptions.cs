namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>The "Security" section of the configuration.</summary>
public sealed class SecurityOptions
{
    /// <summary>Officers and administrators must set up an authenticator app before doing anything else.
    /// On in production (appsettings.json); off in Development so the demo accounts sign in with a password
    /// only.</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>Failed sign-ins from one client for one account before that client is refused for that
    /// account.</summary>
    public int FailuresBeforeClientLockout { get; set; } = 5;

    public int ClientLockoutMinutes { get; set; } = 15;
}
