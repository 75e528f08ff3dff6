using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rulebook;

/// <summary>Retires a set: rounds already using it keep it, new rounds should not.</summary>
public sealed class RetireCriteriaSet(AppDbContext db)
{
    public async Task<bool> RunAsync(int id, CancellationToken ct)
    {
        var set = await db.CriteriaSets.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (set is null)
            return false;
        if (set.Status == CriteriaSetStatus.Retired)
            return true;
        set.Apply(CriteriaSetStatus.Retired, Core.Dossiers.Actor.Officer);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
