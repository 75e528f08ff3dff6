namespace KeyProducts.Web.Pages.Account.TwoFactor;

/// <summary>What people type from an authenticator app or a printed recovery code, with spaces and dashes
/// removed.</summary>
public static class TwoFactorCode
{
    public static string Clean(string? code) =>
        new((code ?? "").Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray());

    /// <summary>A recovery code as Identity stores it ("ABCDE-FGHIJ"), accepting spaces, lower case or a missing
    /// dash.</summary>
    public static string CleanRecovery(string? code)
    {
        var s = new string((code ?? "").Where(ch => !char.IsWhiteSpace(ch)).ToArray()).ToUpperInvariant();
        return s.Length == 10 && !s.Contains('-', StringComparison.Ordinal) ? s[..5] + "-" + s[5..] : s;
    }

    public const string RecoveryCodesKey = "TwoFactor.RecoveryCodes";
}
