using System.Security.Claims;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Api.V1;

/// <summary>/api/v1/dossiers: what the signed-in user may see, through <see cref="DossierAccess"/>.</summary>
public static class DossierEndpoints
{
    public sealed record DossierDto(
        int Id,
        string? Code,
        int RoundYear,
        string Enterprise,
        string TaxCode,
        string Product,
        string Track,
        string State,
        DateTimeOffset? SubmittedAt,
        int Revision,
        long? ProductRevenueVnd,
        long? ExportUsdCents
    );

    public sealed record DocumentDto(
        int Id,
        int? ChecklistItemId,
        string FileName,
        long Size,
        string Sha256,
        DateTimeOffset UploadedAt
    );

    public sealed record DossierDetailDto(
        DossierDto Dossier,
        IReadOnlyList<DocumentDto> Documents,
        IReadOnlyList<string> Missing,
        string Eligibility,
        IReadOnlyList<HistoryDto> History
    );

    public sealed record HistoryDto(string From, string To, DateTimeOffset At, string? Reason);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/dossiers").RequireAuthorization();
        g.MapGet("/", List)
            .WithSummary("Dossiers the signed-in user may see (an enterprise: its own; an officer: all).");
        g.MapGet("/{id:int}", Get)
            .WithSummary("One dossier with its documents, what is missing, the eligibility preview and its history.");
        g.MapPost("/{id:int}/submit", Submit)
            .WithSummary("Submits (or resubmits) the enterprise's dossier; returns the receipt PDF.");
    }

    private static DossierDto Dto(DossierRow r) =>
        new(
            r.Id,
            r.Code,
            r.RoundYear,
            r.EnterpriseName,
            r.TaxCode,
            r.ProductName,
            r.TrackCode,
            r.State.ToString(),
            r.SubmittedAt,
            r.Revision,
            r.ProductRevenueVnd,
            r.ExportUsdCents
        );

    private static async Task<IReadOnlyList<DossierDto>> List(
        ClaimsPrincipal user,
        DossierAccess access,
        DossierQueries queries,
        CancellationToken ct
    )
    {
        var viewer = await access.ViewerAsync(user, ct);
        return (await queries.ListAsync(viewer, new QueueFilter(), ct)).Select(Dto).ToList();
    }

    private static async Task<Results<Ok<DossierDetailDto>, NotFound>> Get(
        int id,
        ClaimsPrincipal user,
        DossierAccess access,
        DossierQueries queries,
        DossierWorkspaceLoader loader,
        CancellationToken ct
    )
    {
        var viewer = await access.ViewerAsync(user, ct);
        if (!await access.CanSeeAsync(viewer, id, ct))
            return TypedResults.NotFound();
        var w = (await loader.LoadAsync(id, ct))!;
        var row = (await queries.ListAsync(viewer, new QueueFilter(RoundId: w.Round.Id), ct)).First(r => r.Id == id);
        return TypedResults.Ok(
            new DossierDetailDto(
                Dto(row),
                w.CurrentDocuments.Select(d => new DocumentDto(
                        d.Id,
                        d.ChecklistItemId,
                        d.FileName,
                        d.Size,
                        d.Sha256,
                        d.UploadedAt
                    ))
                    .ToList(),
                w.Missing()
                    .Select(m => string.Format(System.Globalization.CultureInfo.InvariantCulture, m.Text, m.Argument))
                    .ToList(),
                w.Eligibility().Overall.ToString(),
                w.Dossier.History.OrderBy(h => h.At)
                    .Select(h => new HistoryDto(h.From.ToString(), h.To.ToString(), h.At, h.Reason))
                    .ToList()
            )
        );
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Submit(
        int id,
        ClaimsPrincipal user,
        DossierAccess access,
        DossierWorkspaceLoader loader,
        SubmitDossier submit,
        IStringLocalizer<SharedResource> l,
        CancellationToken ct
    )
    {
        var viewer = await access.ViewerAsync(user, ct);
        if (!await access.CanEditAsEnterpriseAsync(viewer, id, ct))
            return TypedResults.NotFound();
        var w = (await loader.LoadAsync(id, ct))!;
        try
        {
            var pdf = await submit.ExecuteAsync(w, viewer.UserId!, ct);
            return TypedResults.File(pdf, "application/pdf", $"bien-nhan-{w.Dossier.Code}.pdf");
        }
        // incomplete, past the deadline, already submitted: the client's to fix, not a server failure
        catch (DomainException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: l["Yêu cầu không hợp lệ"],
                detail: e.Localized(l),
                type: e.Code
            );
        }
    }

    /// <summary>Downloads of dossier files and receipts, for pages and API alike, behind the same access
    /// check.</summary>
    public static void MapDossierFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(
                "/files/dossiers/{id:int}/documents/{documentId:int}",
                async (
                    int id,
                    int documentId,
                    ClaimsPrincipal user,
                    DossierAccess access,
                    Data.AppDbContext db,
                    IFileStorage storage,
                    CancellationToken ct
                ) =>
                {
                    var viewer = await access.ViewerAsync(user, ct);
                    if (!await access.CanSeeAsync(viewer, id, ct))
                        return Results.NotFound();
                    var doc = await db
                        .DossierDocuments.AsNoTracking()
                        .FirstOrDefaultAsync(d => d.Id == documentId && d.DossierId == id, ct);
                    if (doc is null || storage.OpenRead(doc.Sha256) is not { } stream)
                        return Results.NotFound();
                    return Results.File(stream, doc.ContentType, doc.FileName);
                }
            )
            .RequireAuthorization();

        app.MapGet(
                "/files/dossiers/{id:int}/inspections/{inspectionId:int}",
                async (
                    int id,
                    int inspectionId,
                    ClaimsPrincipal user,
                    DossierAccess access,
                    Data.AppDbContext db,
                    IFileStorage storage,
                    CancellationToken ct
                ) =>
                {
                    var viewer = await access.ViewerAsync(user, ct);
                    if (!DossierAccess.CanScreen(viewer) || !await access.CanSeeAsync(viewer, id, ct))
                        return Results.NotFound();
                    var i = await db
                        .SiteInspections.AsNoTracking()
                        .FirstOrDefaultAsync(x => x.Id == inspectionId && x.DossierId == id, ct);
                    if (i?.AttachmentSha256 is null || storage.OpenRead(i.AttachmentSha256) is not { } stream)
                        return Results.NotFound();
                    return Results.File(stream, "application/octet-stream", i.AttachmentName);
                }
            )
            .RequireAuthorization();

        app.MapGet(
                "/files/dossiers/{id:int}/receipt.pdf",
                async (
                    int id,
                    ClaimsPrincipal user,
                    DossierAccess access,
                    DossierWorkspaceLoader loader,
                    CancellationToken ct
                ) =>
                {
                    var viewer = await access.ViewerAsync(user, ct);
                    if (!await access.CanSeeAsync(viewer, id, ct))
                        return Results.NotFound();
                    var w = (await loader.LoadAsync(id, ct))!;
                    if (w.Dossier.Code is null)
                        return Results.NotFound();
                    return Results.File(ReceiptPdf.Render(w), "application/pdf", $"bien-nhan-{w.Dossier.Code}.pdf");
                }
            )
            .RequireAuthorization();

        app.MapGet(
                "/files/rounds/{year:int}/documents/{documentId:int}",
                async (int year, int documentId, Data.AppDbContext db, IFileStorage storage, CancellationToken ct) =>
                {
                    var doc = await db
                        .RoundDocuments.AsNoTracking()
                        .Where(d =>
                            d.Id == documentId
                            && d.IsPublic
                            && db.Rounds.Any(r =>
                                r.Id == d.RoundId && r.Year == year && r.Status != Core.Rounds.RoundStatus.Draft
                            )
                        )
                        .FirstOrDefaultAsync(ct);
                    if (doc?.FileSha256 is null || storage.OpenRead(doc.FileSha256) is not { } stream)
                        return Results.NotFound();
                    return Results.File(stream, doc.ContentType ?? "application/octet-stream", doc.FileName);
                }
            )
            .AllowAnonymous();
    }
}
