using System.Security.Claims;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Features.Enterprises;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Api.V1;

/// <summary>/api/v1/enterprises: an enterprise user reads and edits its own profile and products (under /me); staff
/// read all.
/// The public directory of recognized products is a separate, anonymous contract at /api/v1/products.
/// Every lookup goes through <see cref="EnterpriseAccess"/>, so another enterprise's id is a 404.</summary>
public static class EnterpriseEndpoints
{
    public sealed record EnterpriseDto(
        int Id,
        string TaxCode,
        string NameVi,
        string? NameEn,
        string LegalForm,
        string Ownership,
        string Status,
        string? RejectionReason,
        string HeadOffice,
        string? CommuneCode,
        string? DistrictCode,
        int? SectorId,
        string ContactName,
        string ContactPhone,
        string ContactEmail,
        string? Website,
        int Version
    );

    public sealed record IpDto(string Kind, string Number, DateOnly? GrantedOn, string? Title);

    public sealed record ProductDto(
        int Id,
        int EnterpriseId,
        string Name,
        string? Model,
        int? SectorId,
        string Description,
        bool IsHighTech,
        string? HighTechCode,
        string[] Certifications,
        IpDto[] IntellectualProperties,
        int Version
    );

    public static void MapEnterpriseEndpoints(this RouteGroupBuilder api)
    {
        var staffOrEnterprise = new[]
        {
            Data.Roles.Enterprise,
            Data.Roles.Officer,
            Data.Roles.Admin,
            Data.Roles.Leader,
        };
        api.MapGet("/enterprises/me", GetOwnEnterprise)
            .RequireAuthorization(Policies.Enterprise)
            .WithSummary("The signed-in enterprise user's own enterprise profile.");
        api.MapGet("/enterprises/{id:int}", GetEnterprise)
            .RequireAuthorization(p => p.RequireRole(staffOrEnterprise))
            .WithSummary("An enterprise profile: staff see any, enterprise users only their own (404 otherwise).");
        api.MapGet("/enterprises/{id:int}/products", ListEnterpriseProducts)
            .RequireAuthorization(p => p.RequireRole(staffOrEnterprise))
            .WithSummary(
                "An enterprise's products, recognized or not: staff see any enterprise's, enterprise users only "
                    + "their own (404 otherwise)."
            );
        api.MapGet("/enterprises/me/products", ListProducts)
            .RequireAuthorization(Policies.Enterprise)
            .WithSummary("The signed-in enterprise's own products.");
        api.MapGet("/enterprises/me/products/{id:int}", GetProduct)
            .RequireAuthorization(Policies.Enterprise)
            .WithSummary(
                "One of the enterprise's own products, with certifications and intellectual property (404 when not "
                    + "its own)."
            );
        api.MapPost("/enterprises/me/products", CreateProduct)
            .RequireAuthorization(Policies.Enterprise)
            .WithSummary("Adds a product to the caller's enterprise; validation errors come back as ProblemDetails.");
        api.MapPut("/enterprises/me/products/{id:int}", UpdateProduct)
            .RequireAuthorization(Policies.Enterprise)
            .WithSummary(
                "Updates a product of the caller's enterprise; send the Version you read (409 when someone saved in "
                    + "between)."
            );
    }

    private static async Task<Results<Ok<EnterpriseDto>, NotFound>> GetOwnEnterprise(
        ClaimsPrincipal user,
        EnterpriseAccess access,
        CancellationToken ct
    ) =>
        await access.OwnEnterpriseIdAsync(user, ct) is { } id && await access.FindEnterpriseAsync(user, id, ct) is { } e
            ? TypedResults.Ok(ToDto(e))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<EnterpriseDto>, NotFound>> GetEnterprise(
        int id,
        ClaimsPrincipal user,
        EnterpriseAccess access,
        CancellationToken ct
    ) => await access.FindEnterpriseAsync(user, id, ct) is { } e ? TypedResults.Ok(ToDto(e)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ProductDto>>, NotFound>> ListEnterpriseProducts(
        int id,
        ClaimsPrincipal user,
        EnterpriseAccess access,
        CancellationToken ct
    )
    {
        if (await access.FindEnterpriseAsync(user, id, ct) is null)
            return TypedResults.NotFound();
        var products = await (await access.VisibleProductsAsync(user, ct))
            .AsNoTracking()
            .Where(p => p.EnterpriseId == id)
            .Include(p => p.IntellectualProperties)
            .OrderBy(p => p.Name)
            .Take(1000)
            .ToListAsync(ct);
        return TypedResults.Ok(products.Select(ToDto).ToList());
    }

    private static async Task<Ok<List<ProductDto>>> ListProducts(
        ClaimsPrincipal user,
        EnterpriseAccess access,
        CancellationToken ct
    )
    {
        var products = await (await access.VisibleProductsAsync(user, ct))
            .AsNoTracking()
            .Include(p => p.IntellectualProperties)
            .OrderBy(p => p.Name)
            .Take(1000)
            .ToListAsync(ct);
        return TypedResults.Ok(products.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ProductDto>, NotFound>> GetProduct(
        int id,
        ClaimsPrincipal user,
        EnterpriseAccess access,
        CancellationToken ct
    ) => await access.FindProductAsync(user, id, ct) is { } p ? TypedResults.Ok(ToDto(p)) : TypedResults.NotFound();

    private static async Task<Results<Created<ProductDto>, ValidationProblem, NotFound>> CreateProduct(
        ProductInput input,
        ClaimsPrincipal user,
        EnterpriseAccess access,
        SaveProduct save,
        CancellationToken ct
    )
    {
        if (await access.OwnEnterpriseIdAsync(user, ct) is not { } own)
            return TypedResults.NotFound();
        if (Validate(input) is { } invalid)
            return invalid;
        var (product, errors) = await save.RunAsync(own, null, input, null, ct);
        if (errors.Count > 0)
            return Problem(errors);
        return TypedResults.Created($"/api/v1/enterprises/me/products/{product!.Id}", ToDto(product));
    }

    private static async Task<Results<Ok<ProductDto>, ValidationProblem, NotFound>> UpdateProduct(
        int id,
        ProductInput input,
        int version,
        ClaimsPrincipal user,
        EnterpriseAccess access,
        SaveProduct save,
        CancellationToken ct
    )
    {
        if (
            await access.OwnEnterpriseIdAsync(user, ct) is not { } own
            || await access.FindProductAsync(user, id, ct) is not { } existing
        )
            return TypedResults.NotFound();
        if (Validate(input) is { } invalid)
            return invalid;
        var (product, errors) = await save.RunAsync(own, existing, input, version, ct);
        if (errors.Count > 0)
            return Problem(errors);
        return TypedResults.Ok(ToDto(product!));
    }

    private static ValidationProblem? Validate(ProductInput input)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (
            System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
                input,
                new(input),
                results,
                validateAllProperties: true
            )
        )
            return null;
        return TypedResults.ValidationProblem(
            results
                .GroupBy(r => r.MemberNames.FirstOrDefault() ?? "")
                .ToDictionary(g => g.Key, g => g.Select(r => r.ErrorMessage ?? "").ToArray())
        );
    }

    private static ValidationProblem Problem(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors
                .GroupBy(e => e.Field)
                .ToDictionary(
                    g => g.Key,
                    g =>
                        g.Select(e =>
                                string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Message, e.Args)
                            )
                            .ToArray()
                )
        );

    private static EnterpriseDto ToDto(Enterprise e) =>
        new(
            e.Id,
            e.TaxCode,
            e.NameVi,
            e.NameEn,
            e.LegalForm.ToString(),
            e.Ownership.ToString(),
            e.Status.ToString(),
            e.RejectionReason,
            e.HeadOffice.Street,
            e.HeadOffice.CommuneCode,
            e.HeadOffice.DistrictCode,
            e.SectorId,
            e.ContactName,
            e.ContactPhone,
            e.ContactEmail,
            e.Website,
            e.Version
        );

    private static ProductDto ToDto(Product p) =>
        new(
            p.Id,
            p.EnterpriseId,
            p.Name,
            p.Model,
            p.SectorId,
            p.Description,
            p.IsHighTech,
            p.HighTechCode,
            p.Certifications.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            p.IntellectualProperties.Select(i => new IpDto(i.Kind.ToString(), i.Number, i.GrantedOn, i.Title))
                .ToArray(),
            p.Version
        );
}
