using KeyProducts.Core.Council;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Who scores which indicator (phân công chấm điểm): a default from the rulebook, adjustable per
/// round.</summary>
public sealed class AssignIndicators(AppDbContext db)
{
    /// <summary>An indicator the rulebook gives to an agency goes to that agency's members; the others go to every
    /// scoring member (not the secretary). An agency without a member falls back to every scoring member.</summary>
    public static IEnumerable<(int IndicatorId, int MemberId)> Default(
        IEnumerable<Indicator> indicators,
        IReadOnlyList<CouncilMember> members
    )
    {
        var scorers = members.Where(m => m.Role != CouncilRole.Secretary).ToList();
        foreach (var i in indicators)
        {
            var byAgency = i.AssignedAgencyId is { } a ? scorers.Where(m => m.AgencyId == a).ToList() : [];
            foreach (var m in byAgency.Count > 0 ? byAgency : scorers)
                yield return (i.Id, m.Id);
        }
    }

    public async Task ApplyDefaultAsync(SelectionCouncil council, CriteriaSet rulebook, CancellationToken ct) =>
        await ReplaceAsync(council.Id, Default(rulebook.Indicators, council.Members).ToList(), ct);

    public async Task ReplaceAsync(
        int councilId,
        IReadOnlyCollection<(int IndicatorId, int MemberId)> pairs,
        CancellationToken ct
    )
    {
        await db.EnsureScoringOpenAsync(councilId, ct);
        var existing = await db.IndicatorAssignments.Where(a => a.CouncilId == councilId).ToListAsync(ct);
        var wanted = pairs.ToHashSet();
        db.IndicatorAssignments.RemoveRange(existing.Where(a => !wanted.Contains((a.IndicatorId, a.MemberId))));
        var have = existing.Select(a => (a.IndicatorId, a.MemberId)).ToHashSet();
        foreach (var (indicatorId, memberId) in wanted.Where(p => !have.Contains(p)))
            db.IndicatorAssignments.Add(
                new IndicatorAssignment
                {
                    CouncilId = councilId,
                    IndicatorId = indicatorId,
                    MemberId = memberId,
                }
            );
        await db.SaveChangesAsync(ct);
    }
}
