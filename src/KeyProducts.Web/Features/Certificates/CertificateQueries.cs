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
    public string StatusOn(DateOnly today) =>
        Superseded ? "superseded"
        : RevokedAt is not null ? "revoked"
        : today > ValidTo ? "expired"
        : "valid";

    /// <summary>The signed statement: short claim names keep the QR code small enough to scan from paper.</summary>
    public JsonObject Claims() =>
        new()
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
        if (s.Length is 0 or > 40)
            return Task.FromResult<CertificateView?>(null);
        return Views().FirstOrDefaultAsync(c => c.Serial == s, ct);
    }
}
