using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rulebook;

/// <summary>Makes a set the one rounds may use: it must have indicators and a pass mark within its total.</summary>
public sealed class ActivateCriteriaSet(AppDbContext db, RulebookQueries queries)
{
    public async Task RunAsync(int id, CancellationToken ct)
    {
        var set = await queries.LoadAsync(id, track: true, ct)
            ?? throw new DomainException("NotFound", "Không tìm thấy bộ tiêu chí.");
        if (set.Status == CriteriaSetStatus.Active)
            return;
        set.Apply(CriteriaSetStatus.Active, Actor.Officer);
        await db.SaveChangesAsync(ct);
    }
}
