using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Records who attends the council meeting; the quorum is checked against it when results are
/// confirmed.</summary>
public sealed class RecordAttendance(AppDbContext db)
{
    public async Task ExecuteAsync(int councilId, IReadOnlySet<int> presentMemberIds, CancellationToken ct)
    {
        await db.EnsureScoringOpenAsync(councilId, ct);
        var members = await db.CouncilMembers.Where(m => m.CouncilId == councilId).Select(m => m.Id).ToListAsync(ct);
        var rows = await db.Attendance.Where(a => a.CouncilId == councilId).ToDictionaryAsync(a => a.MemberId, ct);
        foreach (var id in members)
        {
            if (!rows.TryGetValue(id, out var row))
                db.Attendance.Add(row = new Attendance { CouncilId = councilId, MemberId = id });
            row.Present = presentMemberIds.Contains(id);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<QuorumCheck> QuorumAsync(int councilId, Core.Rulebook.DecisionRules rules, CancellationToken ct)
    {
        var members = await db
            .CouncilMembers.Where(m => m.CouncilId == councilId)
            .Select(m => new
            {
                m.Role,
                Present = db.Attendance.Any(a => a.CouncilId == councilId && a.MemberId == m.Id && a.Present),
            })
            .ToListAsync(ct);
        return QuorumCheck.Evaluate(
            rules,
            members.Count,
            members.Count(m => m.Present),
            members.Any(m => m.Role == CouncilRole.Chair && m.Present)
        );
    }
}
