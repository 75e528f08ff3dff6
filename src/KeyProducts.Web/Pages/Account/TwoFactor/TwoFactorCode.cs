namespace KeyProducts.Web.Pages.Account.TwoFactor;

/// <summary>What people type from an authenticator app or a printed recovery code, with spaces and dashes removed.</summary>
public static class TwoFactorCode
{
    public static string Clean(string? code) =>
        new((code ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray());

    public const string RecoveryCodesKey = "TwoFactor.RecoveryCodes";
}
