using System.Text.Json.Nodes;
using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>The result of checking a serial or a QR payload.</summary>
public sealed record VerificationResult(
    string Input,
    bool? SignatureValid,
    string Status,
    CertificateView? Certificate,
    JsonObject? Claims
)
{
    /// <summary>valid | expired | revoked | superseded | unknown | forged | receipt (a dossier's receipt
    /// code).</summary>
    public string Outcome => SignatureValid == false ? "forged" : Status;
}

/// <summary>Verifies a serial or a QR payload (the verification URL or the bare JWS) against the signature and the
/// register.</summary>
public sealed class VerifyCertificate(CertificateQueries certificates, CertificateSigner signer, TimeProvider time)
{
    public const int MaxInput = 4000;

    public async Task<VerificationResult> RunAsync(string? input, CancellationToken ct)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxInput)
            text = text[..MaxInput];
        var today = VietnamTime.Today(time);
        var jws = ExtractJws(text);
        if (jws is null)
        {
            var bySerial = await certificates.BySerialAsync(text, ct);
            var status = bySerial?.StatusOn(today) ?? (DocumentCodes.LooksLikeReceipt(text) ? "receipt" : "unknown");
            return new VerificationResult(text, null, status, bySerial, null);
        }
        var claims = signer.Verify(jws);
        if (claims is null)
            return new VerificationResult(text, false, "unknown", null, null);
        var serial = claims["sn"] is JsonValue v && v.TryGetValue<string>(out var sn) ? sn : null;
        var cert = await certificates.BySerialAsync(serial, ct);
        return new VerificationResult(text, true, cert?.StatusOn(today) ?? "unknown", cert, claims);
    }

    /// <summary>A JWS has three dot-separated parts; it may come inside the verification URL (?p=…).</summary>
    public static string? ExtractJws(string text)
    {
        var candidate = text;
        var at = text.IndexOf("p=", StringComparison.Ordinal);
        if (at >= 0 && text.Contains('?', StringComparison.Ordinal))
        {
            candidate = text[(at + 2)..];
            var amp = candidate.IndexOf('&', StringComparison.Ordinal);
            if (amp >= 0)
                candidate = candidate[..amp];
            candidate = Uri.UnescapeDataString(candidate);
        }
        return candidate.Count(c => c == '.') == 2 && !candidate.Contains(' ', StringComparison.Ordinal)
            ? candidate
            : null;
    }
}
