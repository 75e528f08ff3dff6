using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rulebook;

/// <summary>Copies a set (frozen or not) into a new draft version with the same name.</summary>
public sealed class CopyCriteriaSet(AppDbContext db, RulebookQueries queries)
{
    public async Task<CriteriaSet?> RunAsync(int id, CancellationToken ct)
    {
        var source = await queries.LoadAsync(id, track: false, ct);
        if (source is null)
            return null;
        var copy = source.CopyAsDraft(await queries.NextVersionAsync(source.Name, ct));
        db.CriteriaSets.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy;
    }
}
