using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>The one check that a council still accepts changes to its members, attendance, assignments, conflicts and
/// score sheets: once its results are confirmed they are frozen (<see
/// cref="Core.Council.SelectionCouncil.EnsureScoringOpen"/>).</summary>
public static class CouncilScoringOpen
{
    public static async Task EnsureScoringOpenAsync(this AppDbContext db, int councilId, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, ct)
            ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        council.EnsureScoringOpen();
    }
}
