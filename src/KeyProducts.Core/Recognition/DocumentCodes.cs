using System.Text.RegularExpressions;

namespace KeyProducts.Core.Recognition;

/// <summary>The numbers the program gives out, each in its own unmistakable format:
/// a dossier's receipt code (mã tiếp nhận) SPCNCL-2026-0042; a certificate serial GCN-2026-0007 (standard) or
/// TOP10-2026-0003 (Top 10). Certificates issued before 2026-12 carry SPCNCL-YYYY-NNNN serials and stay
/// verifiable.</summary>
public static partial class DocumentCodes
{
    public const string ReceiptPrefix = "SPCNCL";
    public const string StandardSerialPrefix = "GCN";
    public const string Top10SerialPrefix = "TOP10";

    public static string Receipt(int year, int number) => $"{ReceiptPrefix}-{year}-{number:0000}";

    public static string SerialPrefix(CertificateKind kind, int year) =>
        $"{(kind == CertificateKind.Top10 ? Top10SerialPrefix : StandardSerialPrefix)}-{year}-";

    public static string Serial(CertificateKind kind, int year, int number) =>
        $"{SerialPrefix(kind, year)}{number:0000}";

    /// <summary>True for text in the receipt-code format (which old standard serials shared).</summary>
    public static bool LooksLikeReceipt(string? text) => text is not null && ReceiptPattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^SPCNCL-\d{4}-\d{4,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReceiptPattern();
}
