using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>A council member's right to one dossier, once checked.</summary>
public sealed record MemberDossier(
    int MemberId,
    int CouncilId,
    int RoundId,
    int DossierId,
    int EnterpriseId,
    DossierState State
)
{
    public bool CanScore => State == DossierState.Scoring;
}

/// <summary>The one place that decides whether a council member may see a dossier: member of the council of its
/// round, with indicators assigned, the dossier in the council's hands, and no declared conflict with its enterprise.
/// Pages, file downloads and the API all call it; a refusal is a 404 so nothing leaks about the dossier.</summary>
public sealed class CouncilAccess(AppDbContext db)
{
    /// <summary>States in which council members see the dossier: the core's rule.</summary>
    public static IReadOnlySet<DossierState> VisibleToCouncil => DossierStates.VisibleToCouncil;

    public async Task<MemberDossier?> ForMemberAsync(string? userId, int dossierId, CancellationToken ct)
    {
        if (userId is null)
            return null;
        var row = await (
            from d in db.Dossiers
            join c in db.Councils on d.RoundId equals c.RoundId
            join m in db.CouncilMembers on c.Id equals m.CouncilId
            where d.Id == dossierId && m.UserId == userId
            select new
            {
                d.Id,
                d.EnterpriseId,
                d.State,
                d.RoundId,
                MemberId = m.Id,
                CouncilId = c.Id,
                Conflicted = db.Conflicts.Any(x => x.MemberId == m.Id && x.EnterpriseId == d.EnterpriseId),
                Assigned = db.IndicatorAssignments.Any(a => a.MemberId == m.Id),
            }
        ).FirstOrDefaultAsync(ct);
        if (row is null || row.Conflicted || !row.Assigned || !VisibleToCouncil.Contains(row.State))
            return null;
        return new MemberDossier(row.MemberId, row.CouncilId, row.RoundId, row.Id, row.EnterpriseId, row.State);
    }

    /// <summary>The dossiers a member may see, in one query: the same rule as <see cref="ForMemberAsync"/>.</summary>
    public IQueryable<Dossier> VisibleDossiers(int memberId, int roundId)
    {
        var states = VisibleToCouncil.ToList();
        return db.Dossiers.Where(d =>
            d.RoundId == roundId
            && states.Contains(d.State)
            && !db.Conflicts.Any(x => x.MemberId == memberId && x.EnterpriseId == d.EnterpriseId)
            && db.IndicatorAssignments.Any(a => a.MemberId == memberId)
        );
    }
}
