using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Features.Certificates;
using KeyProducts.Web.Features.PublicDirectory;

namespace KeyProducts.Web.Api.V1;

/// <summary>The public, read-only directory API (a stable contract: other systems build on it), JWKS and open
/// data.</summary>
public static class DirectoryEndpoints
{
    public record ProductDto(
        int Id,
        string Name,
        string? Model,
        int EnterpriseId,
        string EnterpriseName,
        string TaxCode,
        string? Sector,
        IReadOnlyList<int> Years,
        IReadOnlyList<int> Top10Years,
        string Status,
        IReadOnlyList<string> Certificates
    )
    {
        public static ProductDto From(DirectoryItem i) =>
            new(
                i.Id,
                i.Name,
                i.Model,
                i.EnterpriseId,
                i.EnterpriseName,
                i.TaxCode,
                i.Sector,
                i.Years,
                i.Top10Years,
                i.Status,
                i.Certificates
            );
    }

    public sealed record RecognitionDto(
        int Year,
        bool Top10,
        string Decision,
        DateOnly DecisionDate,
        DateOnly ValidFrom,
        DateOnly ValidTo,
        string Status,
        DateTimeOffset? RevokedAt,
        string? RevocationReason,
        string? RevocationDocument
    );

    public sealed record ProductDetailDto(
        int Id,
        string Name,
        string? Model,
        int EnterpriseId,
        string EnterpriseName,
        string TaxCode,
        string? Sector,
        IReadOnlyList<int> Years,
        IReadOnlyList<int> Top10Years,
        string Status,
        IReadOnlyList<string> Certificates,
        IReadOnlyList<RecognitionDto> Recognitions
    );

    /// <summary>total is exact when totalIsExact; otherwise there are more than 1,000 matches. next is the cursor of
    /// the next
    /// page in name order (pass it as after=), null on the last page.</summary>
    public sealed record ProductPageDto(
        IReadOnlyList<ProductDto> Items,
        int Total,
        int Page,
        int PageSize,
        bool TotalIsExact,
        int? Next
    );

    public sealed record CertificateDto(
        string Serial,
        string Status,
        string Kind,
        string Product,
        int ProductId,
        string Enterprise,
        string TaxCode,
        int Year,
        bool Top10,
        string Decision,
        DateOnly DecisionDate,
        DateOnly ValidFrom,
        DateOnly ValidTo,
        DateTimeOffset? RevokedAt,
        string? RevocationReason,
        string? RevocationDocument
    );

    public sealed record VerifyRequest(string? Payload);

    public sealed record VerifyResponse(bool SignatureValid, string Status, string? Serial);

    public static void MapDirectoryApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/products", SearchProducts)
            .AllowAnonymous()
            .CacheOutput(DirectoryCache.Policy)
            .WithSummary("Recognized products, current and past, with paging and filters.")
            .WithDescription(
                "q matches product and enterprise names (and tax codes) ignoring case and Vietnamese diacritics. "
                    + "status: valid | expired | revoked (of the latest recognition). sector: sector code, e.g. DDT. "
                    + "pageSize ≤ 100. total counts up to 1,000 (totalIsExact=false beyond); page reaches the "
                    + "first 1,000 results, after=next walks the name order beyond."
            );
        api.MapGet("/products/{id:int}", GetProduct)
            .AllowAnonymous()
            .CacheOutput(DirectoryCache.Policy)
            .WithSummary("One recognized product with its recognitions (decision number and date, validity).");
        api.MapGet("/certificates/{serial}", GetCertificate)
            .AllowAnonymous()
            .CacheOutput(DirectoryCache.Policy)
            .WithSummary("A certificate by serial: status valid | expired | revoked | superseded; 404 when unknown.");
        api.MapPost("/certificates/verify", Verify)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithSummary(
                "Verifies a QR payload (the verification URL or the bare compact JWS): signature and current status. "
                    + "A tampered payload gives signatureValid=false, never an error."
            );
    }

    public static void MapPublicKeysAndOpenData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", (CertificateSigner signer) =>
                Results.Text(signer.Jwks().ToJsonString(), "application/jwk-set+json")
            )
            .AllowAnonymous()
            .WithTags("v1")
            .WithSummary("The public key(s) that sign certificate QR payloads (JSON Web Key Set, ES256).");
        // Not the output cache: the files are built once per state of the directory and served from disk
        // (OpenDataFiles).
        var open = app.MapGroup("/open-data").WithTags("open-data").AllowAnonymous();
        open.MapGet("/products.csv", (OpenDataFiles files, CancellationToken ct) =>
                Serve(files, "csv", "text/csv; charset=utf-8", ct)
            )
            .WithSummary("The whole directory as CSV (UTF-8).");
        open.MapGet("/products.json", (OpenDataFiles files, CancellationToken ct) =>
                Serve(files, "json", "application/json; charset=utf-8", ct)
            )
            .WithSummary("The whole directory as JSON (same items as /api/v1/products).");
        open.MapGet("/products.xlsx", (OpenDataFiles files, CancellationToken ct) =>
                Serve(files, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ct)
            )
            .WithSummary("The whole directory as an Excel workbook.");
    }

    private static async Task<IResult> Serve(
        OpenDataFiles files,
        string format,
        string contentType,
        CancellationToken ct
    ) => Results.File(await files.PathAsync(format, ct), contentType, "san-pham-cong-nghiep-chu-luc." + format);

    /// <summary>Parses loosely: a filter that cannot be understood is ignored rather than rejected, so any input gives
    /// a list.</summary>
    public static DirectoryFilter Filter(
        string? q,
        string? year,
        string? sector,
        string? top10,
        string? status,
        string? commune,
        string? sort,
        string? page,
        string? pageSize,
        string? after = null
    ) =>
        new(
            q,
            int.TryParse(year, out var y) && y is > 1990 and < 2200 ? y : null,
            Bounded(sector),
            top10 is "true" or "1" or "on" ? true : null,
            status is "valid" or "expired" or "revoked" ? status : null,
            Bounded(commune),
            sort,
            int.TryParse(page, out var p) ? p : 1,
            int.TryParse(pageSize, out var s) ? s : 20,
            int.TryParse(after, out var a) && a > 0 ? a : null
        );

    private static string? Bounded(string? s) => s is { Length: > 0 and <= 40 } ? s : null;

    private static async Task<ProductPageDto> SearchProducts(
        DirectoryQueries queries,
        string? q,
        string? year,
        string? sector,
        string? top10,
        string? status,
        string? commune,
        string? sort,
        string? page,
        string? pageSize,
        string? after,
        CancellationToken ct
    )
    {
        var result = await queries.SearchAsync(
            Filter(q, year, sector, top10, status, commune, sort, page, pageSize, after),
            ct
        );
        return new ProductPageDto(
            result.Items.Select(ProductDto.From).ToList(),
            result.Total,
            result.Page,
            result.PageSize,
            result.TotalIsExact,
            result.NextAfter
        );
    }

    private static async Task<IResult> GetProduct(int id, DirectoryQueries queries, CancellationToken ct)
    {
        var i = await queries.ProductAsync(id, ct);
        if (i is null)
            return Results.NotFound();
        return Results.Ok(
            new ProductDetailDto(
                i.Id,
                i.Name,
                i.Model,
                i.EnterpriseId,
                i.EnterpriseName,
                i.TaxCode,
                i.Sector,
                i.Years,
                i.Top10Years,
                i.Status,
                i.Certificates,
                i.Recognitions.Select(r => new RecognitionDto(
                        r.Year,
                        r.Top10,
                        r.DecisionNumber,
                        r.DecisionDate,
                        r.ValidFrom,
                        r.ValidTo,
                        r.Status,
                        r.RevokedAt,
                        r.RevocationReason,
                        r.RevocationDocument
                    ))
                    .ToList()
            )
        );
    }

    private static async Task<IResult> GetCertificate(
        string serial,
        CertificateQueries certificates,
        TimeProvider time,
        CancellationToken ct
    )
    {
        var c = await certificates.BySerialAsync(serial, ct);
        if (c is null)
            return Results.NotFound();
        return Results.Ok(
            new CertificateDto(
                c.Serial,
                c.StatusOn(VietnamTime.Today(time)),
                c.Kind == CertificateKind.Top10 ? "top10" : "standard",
                c.Product,
                c.ProductId,
                c.Enterprise,
                c.TaxCode,
                c.Year,
                c.Kind == CertificateKind.Top10,
                c.DecisionNumber,
                c.DecisionDate,
                c.ValidFrom,
                c.ValidTo,
                c.RevokedAt,
                c.RevocationReason,
                c.RevocationDocument
            )
        );
    }

    private static async Task<VerifyResponse> Verify(
        VerifyRequest? request,
        VerifyCertificate verify,
        CancellationToken ct
    )
    {
        var r = await verify.RunAsync(request?.Payload, ct);
        // Only a signed payload is verified here; a bare serial has no signature to check.
        return r.SignatureValid == true
            ? new VerifyResponse(true, r.Status, r.Certificate?.Serial ?? r.Claims?["sn"]?.ToString())
            : new VerifyResponse(false, "unknown", null);
    }
}
