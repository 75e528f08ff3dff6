using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Council;

/// <summary>A member's work: the dossiers of the current round they may score, with the state of their own
/// sheet.</summary>
public class IndexModel(AppDbContext db, CouncilQueries queries, CouncilAccess access, ICurrentUser user) : PageModel
{
    public sealed record Row(
        int DossierId,
        string? Code,
        string Enterprise,
        string Product,
        DossierState State,
        SheetStatus? Sheet,
        int Pass
    );

    public string? RoundTitle { get; private set; }
    public string? MemberName { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var round = await queries.RoundAsync(null, ct);
        if (round is null)
            return;
        RoundTitle = round.Title;
        var member = await (
            from m in db.CouncilMembers
            join c in db.Councils on m.CouncilId equals c.Id
            where c.RoundId == round.Id && m.UserId == user.Id
            select new
            {
                m.Id,
                m.FullName,
                c.ScoringDeadline,
            }
        ).FirstOrDefaultAsync(ct);
        if (member is null)
            return;
        MemberName = member.FullName;
        Deadline = member.ScoringDeadline;
        var rows = await (
            from d in access.VisibleDossiers(member.Id, round.Id)
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join p in db.Products on d.ProductId equals p.Id
            orderby d.Code
            select new
            {
                d.Id,
                d.Code,
                e.NameVi,
                p.Name,
                d.State,
                Sheet = db
                    .ScoreSheets.Where(s => s.DossierId == d.Id && s.MemberId == member.Id)
                    .OrderByDescending(s => s.Pass)
                    .Select(s => new { s.Status, s.Pass })
                    .FirstOrDefault(),
            }
        ).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Code, r.NameVi, r.Name, r.State, r.Sheet?.Status, r.Sheet?.Pass ?? 1))
            .ToList();
    }
}
