using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>What the program's rules allow for an application: its items through the rate and caps, after the
/// enterprise's other commitments in the same program and year.</summary>
public static class SupportAmounts
{
    public static async Task<long> CommittedElsewhereAsync(
        AppDbContext db,
        SupportApplication a,
        CancellationToken ct
    ) =>
        await db
            .SupportApplications.Where(x =>
                x.EnterpriseId == a.EnterpriseId
                && x.ProgramId == a.ProgramId
                && x.Year == a.Year
                && x.Id != a.Id
                && SupportTransitions.Committed.Contains(x.State)
            )
            .SumAsync(x => x.ApprovedVnd ?? 0, ct);

    public static async Task<SupportComputation> ComputeAsync(
        AppDbContext db,
        SupportApplication a,
        CancellationToken ct
    )
    {
        var program = await db.SupportPrograms.AsNoTracking().FirstAsync(p => p.Id == a.ProgramId, ct);
        return program.Rules.Compute(a.RuleItems(), await CommittedElsewhereAsync(db, a, ct));
    }
}
