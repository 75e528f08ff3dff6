using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>One page of a round's dossiers: <see cref="Page"/> is the number shown (exact for numbered pages, carried
/// along by the cursor links otherwise).</summary>
public sealed record DossierPage<T>(List<T> Rows, int Page, bool IsFirst, bool HasNext);

/// <summary>A round's dossiers 50 at a time in the order of the (RoundId, Uncoded, Code, Id) index: by code, those
/// without one last, then by id (decision 0016) — the screening queue and the council's progress board. As the
/// officers' enterprise list (decision 0015): numbered pages within the first 1,000 matches, keyset pages ("after" or
/// "before" the row of an id) past them, a count that stops at 1,001; nothing reads or sorts the whole round.</summary>
public sealed class DossierPaging(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Past this many matches a list says "more than 1,000" instead of counting them all.</summary>
    public const int MaxExactTotal = 1000;

    /// <summary>Pages reachable by number (an <c>OFFSET</c> of at most <see cref="MaxExactTotal"/> rows).</summary>
    public const int MaxOffsetPage = MaxExactTotal / PageSize + 1;

    private const string Uncoded = Data.Configurations.DossierConfiguration.Uncoded;

    /// <summary>The number of matches when at most <see cref="MaxExactTotal"/>, else <c>MaxExactTotal +
    /// 1</c>.</summary>
    public static Task<int> CountUpToAsync(IQueryable<Dossier> filtered, CancellationToken ct) =>
        filtered.Select(d => d.Id).Take(MaxExactTotal + 1).CountAsync(ct);

    /// <summary>One page of the round's dossiers that <paramref name="filter"/> keeps, projected by
    /// <paramref name="project"/> (which must keep the order: a <c>Select</c>), by number or by cursor. A cursor
    /// costs one more query (its row's key); an unknown cursor, or one of another round, is the first page.</summary>
    public async Task<DossierPage<T>> PageAsync<T>(
        int roundId,
        Func<IQueryable<Dossier>, IQueryable<Dossier>> filter,
        Func<IQueryable<Dossier>, IQueryable<T>> project,
        int page,
        int? after,
        int? before,
        CancellationToken ct
    )
    {
        page = Math.Clamp(page, 1, 100_000);
        if ((after ?? before) is { } id)
        {
            var key = await db
                .Dossiers.AsNoTracking()
                .Where(d => d.Id == id && d.RoundId == roundId)
                .Select(d => new { d.Code, d.Id })
                .FirstOrDefaultAsync(ct);
            if (key is not null && before is not null && after is null)
            {
                var earlier = await project(
                        filter(Earlier(roundId, key.Code, key.Id).AsNoTracking())
                            .OrderByDescending(d => EF.Property<bool>(d, Uncoded))
                            .ThenByDescending(d => d.Code)
                            .ThenByDescending(d => d.Id)
                            .Take(PageSize + 1)
                    )
                    .ToListAsync(ct);
                if (earlier.Count > PageSize)
                {
                    var rows = earlier.Take(PageSize).Reverse().ToList();
                    return new DossierPage<T>(rows, Math.Max(2, page), IsFirst: false, HasNext: true);
                }
                // Back at the start: the first page, whole.
                page = 1;
            }
            else if (key is not null)
            {
                var rows = await project(
                        Ordered(filter(Later(roundId, key.Code, key.Id).AsNoTracking())).Take(PageSize + 1)
                    )
                    .ToListAsync(ct);
                return Trim(rows, Math.Max(2, page), isFirst: false);
            }
        }
        page = Math.Clamp(page, 1, MaxOffsetPage);
        var numbered = await project(
                Ordered(filter(db.Dossiers.AsNoTracking().Where(d => d.RoundId == roundId)))
                    .Skip((page - 1) * PageSize)
                    .Take(PageSize + 1)
            )
            .ToListAsync(ct);
        return Trim(numbered, page, isFirst: page == 1);
    }

    private static DossierPage<T> Trim<T>(List<T> rows, int page, bool isFirst)
    {
        var hasNext = rows.Count > PageSize;
        if (hasNext)
            rows.RemoveAt(rows.Count - 1);
        return new DossierPage<T>(rows, page, isFirst, hasNext);
    }

    private static IOrderedQueryable<Dossier> Ordered(IQueryable<Dossier> q) =>
        q.OrderBy(d => EF.Property<bool>(d, Uncoded)).ThenBy(d => d.Code).ThenBy(d => d.Id);

    /// <summary>The round's dossiers after the key (code, id) in the list's order: a row-value comparison, which
    /// SQLite and PostgreSQL answer by seeking the index at that key (EF writes no row values). Past a dossier without
    /// a code come only those without one and a greater id (a row value holding a NULL compares to nothing).</summary>
    private IQueryable<Dossier> Later(int roundId, string? code, int id) =>
        code is null
            ? db.Dossiers.FromSql(
                $"""
                SELECT * FROM "Dossiers"
                WHERE "RoundId" = {roundId} AND "Uncoded" = {true} AND "Code" IS NULL AND "Id" > {id}
                """
            )
            : db.Dossiers.FromSql(
                $"""
                SELECT * FROM "Dossiers"
                WHERE "RoundId" = {roundId} AND ("Uncoded", "Code", "Id") > ({false}, {code}, {id})
                """
            );

    /// <summary>The round's dossiers before the key: before a dossier without a code come every coded one and those
    /// without a code with a smaller id.</summary>
    private IQueryable<Dossier> Earlier(int roundId, string? code, int id) =>
        code is null
            ? db.Dossiers.FromSql(
                $"""
                SELECT * FROM "Dossiers"
                WHERE "RoundId" = {roundId} AND ("Uncoded" = {false} OR ("Code" IS NULL AND "Id" < {id}))
                """
            )
            : db.Dossiers.FromSql(
                $"""
                SELECT * FROM "Dossiers"
                WHERE "RoundId" = {roundId} AND ("Uncoded", "Code", "Id") < ({false}, {code}, {id})
                """
            );
}
