using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Api.V1;

/// <summary>A council member's own score sheets. The same access check as the pages (<see cref="CouncilAccess"/>):
/// a conflicted or unassigned member gets 404, and others' scores are never returned.</summary>
public static class CouncilSheetEndpoints
{
    public sealed record ScoreDto(
        int IndicatorId,
        string IndicatorCode,
        long MaxHundredths,
        long? PointsHundredths,
        string? Comment
    );

    public sealed record SheetDto(
        int DossierId,
        string? DossierCode,
        string Enterprise,
        string Product,
        int Pass,
        string Status,
        int Version,
        bool CanScore,
        IReadOnlyList<ScoreDto> Scores
    );

    public sealed record SheetSummaryDto(
        int DossierId,
        string? DossierCode,
        string Enterprise,
        string Product,
        string? Status
    );

    public sealed record SaveSheetDto(int Version, IReadOnlyList<ScoreInputDto> Scores, bool Submit);

    public sealed record ScoreInputDto(int IndicatorId, long? PointsHundredths, string? Comment);

    public static void MapCouncilSheets(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/council/sheets").RequireAuthorization(Policies.Council).WithTags("council");
        g.MapGet("/", List)
            .WithSummary(
                "The dossiers the signed-in member may score in the current round, with the state of their own sheet."
            );
        g.MapGet("/{dossierId:int}", Get)
            .WithSummary("The member's own sheet for a dossier (scores in hundredths of a point).");
        g.MapPut("/{dossierId:int}", Save)
            .WithSummary(
                "Saves the member's sheet; Version must be the one last read (409 otherwise); Submit locks it."
            );
    }

    private static async Task<Ok<List<SheetSummaryDto>>> List(
        AppDbContext db,
        CouncilQueries queries,
        CouncilAccess access,
        ICurrentUser user,
        CancellationToken ct
    )
    {
        var round = await queries.RoundAsync(null, ct);
        var member = round is null
            ? null
            : await (
                from m in db.CouncilMembers
                join c in db.Councils on m.CouncilId equals c.Id
                where c.RoundId == round.Id && m.UserId == user.Id
                select (int?)m.Id
            ).FirstOrDefaultAsync(ct);
        if (member is null)
            return TypedResults.Ok(new List<SheetSummaryDto>());
        var rows = await (
            from d in access.VisibleDossiers(member.Value, round!.Id)
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join p in db.Products on d.ProductId equals p.Id
            orderby d.Code
            select new SheetSummaryDto(
                d.Id,
                d.Code,
                e.NameVi,
                p.Name,
                db.ScoreSheets.Where(s => s.DossierId == d.Id && s.MemberId == member)
                    .OrderByDescending(s => s.Pass)
                    .Select(s => s.Status.ToString())
                    .FirstOrDefault()
            )
        ).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<SheetDto>, NotFound>> Get(
        int dossierId,
        AppDbContext db,
        CouncilAccess access,
        CouncilQueries queries,
        SaveScoreSheet save,
        ICurrentUser user,
        CancellationToken ct
    )
    {
        var found = await access.ForMemberAsync(user.Id, dossierId, ct);
        if (found is null)
            return TypedResults.NotFound();
        return TypedResults.Ok(await ReadAsync(found, db, queries, save, ct));
    }

    private static async Task<Results<Ok<SheetDto>, NotFound, ProblemHttpResult>> Save(
        int dossierId,
        SaveSheetDto body,
        AppDbContext db,
        CouncilAccess access,
        CouncilQueries queries,
        SaveScoreSheet save,
        ICurrentUser user,
        CancellationToken ct
    )
    {
        var found = await access.ForMemberAsync(user.Id, dossierId, ct);
        if (found is null)
            return TypedResults.NotFound();
        try
        {
            await save.ExecuteAsync(
                found,
                body.Version,
                body.Scores.Select(s => new ScoreInput(s.IndicatorId, s.PointsHundredths, s.Comment)).ToList(),
                body.Submit,
                ct
            );
        }
        catch (StaleSheetException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Phiếu chấm đã thay đổi",
                detail: e.Message,
                type: e.Code
            );
        }
        catch (DomainException e)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Yêu cầu không hợp lệ",
                detail: e.Message,
                type: e.Code
            );
        }
        db.ChangeTracker.Clear();
        return TypedResults.Ok(await ReadAsync(found, db, queries, save, ct));
    }

    private static async Task<SheetDto> ReadAsync(
        MemberDossier found,
        AppDbContext db,
        CouncilQueries queries,
        SaveScoreSheet save,
        CancellationToken ct
    )
    {
        var head = await (
            from d in db.Dossiers
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join p in db.Products on d.ProductId equals p.Id
            where d.Id == found.DossierId
            select new
            {
                d.Code,
                e.NameVi,
                p.Name,
                d.Id,
            }
        ).FirstAsync(ct);
        var round = (await queries.RoundAsync(found.RoundId, ct))!;
        var rulebook = await queries.RulebookAsync(round.CriteriaSetId, ct);
        var assigned = (await queries.AssignmentsAsync(found.CouncilId, ct)).GetValueOrDefault(found.MemberId) ?? [];
        var sheet = await save.CurrentSheetAsync(found, ct);
        db.ChangeTracker.Clear();
        var scores = rulebook
            .Indicators.Where(i => assigned.Contains(i.Id))
            .Select(i =>
            {
                var s = sheet.Scores.FirstOrDefault(x => x.IndicatorId == i.Id);
                return new ScoreDto(i.Id, i.Code, i.MaxPointsHundredths, s?.PointsHundredths, s?.Comment);
            })
            .ToList();
        return new SheetDto(
            head.Id,
            head.Code,
            head.NameVi,
            head.Name,
            sheet.Pass,
            sheet.Id == 0 ? "New" : sheet.Status.ToString(),
            sheet.Version,
            found.CanScore && sheet.Status != SheetStatus.Submitted,
            scores
        );
    }
}
