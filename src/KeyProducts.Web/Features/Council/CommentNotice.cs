using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>The proposed list of a round published for public comment, while its page is worth pointing to: from the
/// day
/// it is published until the end of the comment window.</summary>
public sealed record CommentNotice(int Year, DateOnly Opens, DateOnly Closes, bool Open);

public sealed class CommentNotices(AppDbContext db, TimeProvider time)
{
    /// <summary>The notice of the given round (or of the latest published one), or null when none is current.</summary>
    public async Task<CommentNotice?> CurrentAsync(int? year, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var row = await (
            from r in db.Rounds.AsNoTracking()
            join c in db.Councils.AsNoTracking() on r.Id equals c.RoundId
            where
                c.PublishedAt != null
                && r.CommentOpens != null
                && r.CommentCloses != null
                && r.CommentCloses >= today
                && (year == null || r.Year == year)
            orderby r.Year descending
            select new
            {
                r.Year,
                Opens = r.CommentOpens!.Value,
                Closes = r.CommentCloses!.Value,
            }
        ).FirstOrDefaultAsync(ct);
        return row is null ? null : new CommentNotice(row.Year, row.Opens, row.Closes, today >= row.Opens);
    }
}
