using System.Text.Json.Nodes;
using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>Everything printed on, signed into and verified against a certificate.</summary>
public sealed record CertificateView
{
    public int Id { get; init; }
    public string Serial { get; init; } = "";
    public CertificateKind Kind { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public bool Superseded { get; init; }
    public int RecognitionId { get; init; }
    public int ProductId { get; init; }
    public string Product { get; init; } = "";
    /// <summary>Folded product name, for search.</summary>
    public string ProductSearchText { get; init; } = "";
    public string? Model { get; init; }
    public int EnterpriseId { get; init; }
    public string Enterprise { get; init; } = "";
    public string TaxCode { get; init; } = "";
    public int Year { get; init; }
    public bool Top10 { get; init; }
    public string DecisionNumber { get; init; } = "";
    public DateOnly DecisionDate { get; init; }
    public string Signer { get; init; } = "";
    public string SignerTitle { get; init; } = "";
    public DateOnly ValidFrom { get; init; }
    public DateOnly ValidTo { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevocationReason { get; init; }
    public string? RevocationDocument { get; init; }

    /// <summary>valid | expired | revoked | superseded.</summary>
    public string StatusOn(DateOnly today) => Superseded ? "superseded"
        : RevokedAt is not null ? "revoked"
        : today > ValidTo ? "expired" : "valid";

    /// <summary>The signed statement: short claim names keep the QR code small enough to scan from paper.</summary>
    public JsonObject Claims() => new()
    {
        ["iss"] = "SPCNCL Hà Nội",
        ["sn"] = Serial,
        ["k"] = Kind == CertificateKind.Top10 ? "top10" : "spcncl",
        ["yr"] = Year,
        ["prd"] = Product,
        ["ent"] = Enterprise,
        ["mst"] = TaxCode,
        ["dec"] = DecisionNumber,
        ["dd"] = DecisionDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["vf"] = ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["vt"] = ValidTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class CertificateQueries(AppDbContext db)
{
    public IQueryable<CertificateView> Views() =>
        from c in db.Certificates.AsNoTracking()
        join r in db.Recognitions.AsNoTracking() on c.RecognitionId equals r.Id
        join d in db.RecognitionDecisions.AsNoTracking() on r.DecisionId equals d.Id
        join p in db.Products.AsNoTracking() on r.ProductId equals p.Id
        join e in db.Enterprises.AsNoTracking() on r.EnterpriseId equals e.Id
        select new CertificateView
        {
            Id = c.Id,
            Serial = c.Serial,
            Kind = c.Kind,
            IssuedAt = c.IssuedAt,
            Superseded = c.SupersededById != null,
            RecognitionId = r.Id,
            ProductId = p.Id,
            ProductSearchText = p.SearchText,
            Product = p.Name,
            Model = p.Model,
            EnterpriseId = e.Id,
            Enterprise = e.NameVi,
            TaxCode = e.TaxCode,
            Year = r.Year,
            Top10 = r.Top10,
            DecisionNumber = d.Number,
            DecisionDate = d.Date,
            Signer = d.Signer,
            SignerTitle = d.SignerTitle,
            ValidFrom = r.ValidFrom,
            ValidTo = r.ValidTo,
            RevokedAt = r.RevokedAt,
            RevocationReason = r.RevocationReason,
            RevocationDocument = r.RevocationDocument,
        };

    public Task<CertificateView?> BySerialAsync(string? serial, CancellationToken ct)
    {
        var s = (serial ?? "").Trim().ToUpperInvariant();
        if (s.Length is 0 or > 40) return Task.FromResult<CertificateView?>(null);
        return Views().FirstOrDefaultAsync(c => c.Serial == s, ct);
    }
}

/// <summary>The result of checking a serial or a QR payload.</summary>
public sealed record VerificationResult(string Input, bool? SignatureValid, string Status, CertificateView? Certificate, JsonObject? Claims)
{
    /// <summary>valid | expired | revoked | superseded | unknown | forged | receipt (a dossier's receipt code).</summary>
    public string Outcome => SignatureValid == false ? "forged" : Status;
}

/// <summary>Verifies a serial or a QR payload (the verification URL or the bare JWS) against the signature and the register.</summary>
public sealed class VerifyCertificate(CertificateQueries certificates, CertificateSigner signer, TimeProvider time)
{
    public const int MaxInput = 4000;

    public async Task<VerificationResult> RunAsync(string? input, CancellationToken ct)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxInput) text = text[..MaxInput];
        var today = VietnamTime.Today(time);
        var jws = ExtractJws(text);
        if (jws is null)
        {
            var bySerial = await certificates.BySerialAsync(text, ct);
            var status = bySerial?.StatusOn(today) ?? (DocumentCodes.LooksLikeReceipt(text) ? "receipt" : "unknown");
            return new VerificationResult(text, null, status, bySerial, null);
        }
        var claims = signer.Verify(jws);
        if (claims is null) return new VerificationResult(text, false, "unknown", null, null);
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
            if (amp >= 0) candidate = candidate[..amp];
            candidate = Uri.UnescapeDataString(candidate);
        }
        return candidate.Count(c => c == '.') == 2 && !candidate.Contains(' ', StringComparison.Ordinal) ? candidate : null;
    }
}
