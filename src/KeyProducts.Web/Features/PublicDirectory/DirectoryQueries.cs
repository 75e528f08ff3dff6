using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.PublicDirectory;

/// <summary>Filters of the public directory, shared by the pages, the API and the open-data files. <see cref="After"/>
/// is the
/// keyset cursor of the name order: the id of the last product of the previous page.</summary>
public sealed record DirectoryFilter(
    string? Q = null,
    int? Year = null,
    string? Sector = null,
    bool? Top10 = null,
    string? Status = null,
    string? Commune = null,
    string? Sort = null,
    int Page = 1,
    int PageSize = 20,
    int? After = null
)
{
    public const int MaxPageSize = 100;
    public int SafePage => Math.Clamp(Page, 1, 100_000);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
    public bool NameOrder => Sort is not ("year" or "enterprise" or "year_asc");
}

public sealed record RecognitionLine(
    int Id,
    int Year,
    bool Top10,
    string DecisionNumber,
    DateOnly DecisionDate,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    string Status,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    string? RevocationDocument
);

public sealed record DirectoryItem(
    int Id,
    string Name,
    string? Model,
    int EnterpriseId,
    string EnterpriseName,
    string TaxCode,
    string? Sector,
    IReadOnlyList<int> Years,
    IReadOnlyList<int> Top10Years,
    string Status,
    IReadOnlyList<string> Certificates,
    IReadOnlyList<RecognitionLine> Recognitions
);

/// <summary>One page of results. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; otherwise there are more
/// than
/// <see cref="DirectoryQueries.TotalCap"/> matches and Total is TotalCap + 1. <see cref="NextAfter"/> is the cursor of
/// the next
/// page in name order (null on the last page or in another order).</summary>
public sealed record DirectoryPage(
    IReadOnlyList<DirectoryItem> Items,
    int Total,
    int Page,
    int PageSize,
    bool TotalIsExact = true,
    int? NextAfter = null
);

/// <summary>Read queries of the public directory.</summary>
public sealed class DirectoryQueries(AppDbContext db, TimeProvider time, TrigramStatistics trigrams)
{
    /// <summary>Matches are counted up to this many and no further (decision 0012): past it the page says "more than
    /// 1,000"
    /// and offset paging stops; the name order goes on with the keyset cursor.</summary>
    public const int TotalCap = 1000;

    public static string StatusName(RecognitionStatus s) =>
        s switch
        {
            RecognitionStatus.Valid => "valid",
            RecognitionStatus.Expired => "expired",
            _ => "revoked",
        };

    /// <summary>One page of the directory in a constant number of SQL commands (decision 0012): the ids of up to
    /// <see cref="TotalCap"/> + 1 matches, the page's ids (sorted from those ids when there are few), their heads,
    /// recognitions and certificates. On SQLite a query of three
    /// characters or more is first answered by the FTS5 trigram index; when it has few matches they are sorted, when it
    /// has
    /// many the page walks the name index and stops at its last row, so neither grows with the directory.</summary>
    public async Task<DirectoryPage> SearchAsync(DirectoryFilter f, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var folded = SearchText.Query(f.Q);
        var fromIndex = folded.Length >= DirectorySearchIndex.MinQueryLength && db.Database.IsSqlite();
        var counted = Filtered(fromIndex ? IndexMatches(folded) : LikeMatches(folded), f, today);
        // The ids of up to TotalCap + 1 matches in one pass of the text index: with few matches the page is then sorted
        // from
        // these ids, so the index (the costly part of a search: issue 16's profile) is not read a second time.
        var matchIds = await counted.Select(p => p.Id).Take(TotalCap + 1).ToListAsync(ct);
        var count = matchIds.Count;
        var exact = count <= TotalCap;
        var rows = exact
            ? db.Products.AsNoTracking().Where(p => matchIds.Contains(p.Id))
            : Filtered(LikeMatches(folded), f, today);

        var keyset = f.NameOrder && f.After is not null;
        if (keyset)
        {
            var after = f.After!.Value;
            var afterText = db.Products.Where(x => x.Id == after).Select(x => x.SearchText);
            rows = rows.Where(p =>
                string.Compare(p.SearchText, afterText.FirstOrDefault()) > 0
                || (p.SearchText == afterText.FirstOrDefault() && p.Id > after)
            );
        }
        var recs = db.Recognitions.AsNoTracking();
        var sorted = f.Sort switch
        {
            "year" => rows.OrderByDescending(p => recs.Where(r => r.ProductId == p.Id).Max(r => r.Year))
                .ThenBy(p => p.SearchText)
                .ThenBy(p => p.Id),
            "enterprise" => rows.OrderBy(p =>
                    db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.SearchText).First()
                )
                .ThenBy(p => p.Id),
            "year_asc" => rows.OrderBy(p => recs.Where(r => r.ProductId == p.Id).Max(r => r.Year)).ThenBy(p => p.Id),
            // By name by default: the index on the name's search text keeps every page cheap.
            _ => rows.OrderBy(p => p.SearchText).ThenBy(p => p.Id),
        };
        // Offset paging only within the counted matches: a deep page costs no more than the first one.
        var offset = keyset ? 0 : (f.SafePage - 1) * f.SafePageSize;
        // The page's ids (and one more, to know whether a next page exists), then the rows they name.
        var ids =
            offset >= TotalCap
                ? []
                : await sorted.Skip(offset).Take(f.SafePageSize + 1).Select(p => p.Id).ToListAsync(ct);
        int? next = null;
        if (ids.Count > f.SafePageSize)
        {
            ids.RemoveAt(ids.Count - 1);
            if (f.NameOrder)
                next = ids[^1];
        }
        var heads =
            ids.Count == 0
                ? []
                : (await Heads(db.Products.Where(p => ids.Contains(p.Id))).ToListAsync(ct))
                    .OrderBy(h => ids.IndexOf(h.Id))
                    .ToList();
        return new DirectoryPage(
            await CompleteAsync(heads, today, ct),
            exact ? count : TotalCap + 1,
            keyset ? 0 : f.SafePage,
            f.SafePageSize,
            exact,
            next
        );
    }

    /// <summary>Products whose directory text contains the folded query, by the FTS5 trigram index (SQLite
    /// only).</summary>
    /// <remarks>Once the trigram counts are read, the index is probed by the query's rarest trigrams and each candidate
    /// is checked for the whole folded query: the same rows as the phrase, without reading the position lists of its
    /// common trigrams (<see cref="TrigramStatistics"/>).</remarks>
    private IQueryable<Product> IndexMatches(string folded)
    {
        var probe = trigrams.Probe(folded);
        var match = probe is null ? DirectorySearchIndex.Phrase(folded) : DirectorySearchIndex.AllOf(probe);
        var ids = db.Database.SqlQuery<int>(
            $"SELECT rowid AS \"Value\" FROM \"ProductsSearch\" WHERE \"ProductsSearch\" MATCH {match}"
        );
        var rows = from id in ids join p in db.Products.AsNoTracking() on id equals p.Id select p;
        return probe is null ? rows : rows.Where(p => p.DirectorySearchText.Contains(folded));
    }

    /// <summary>Products whose directory text contains the folded query by LIKE: PostgreSQL answers it from its trigram
    /// GIN
    /// index; SQLite reads the covering name index.</summary>
    private IQueryable<Product> LikeMatches(string folded)
    {
        var rows = db.Products.AsNoTracking();
        if (folded.Length == 0)
            return rows;
        var pattern = SearchText.LikePattern(folded);
        return rows.Where(p => EF.Functions.Like(p.DirectorySearchText, pattern, "\\"));
    }

    private IQueryable<Product> Filtered(IQueryable<Product> rows, DirectoryFilter f, DateOnly today)
    {
        var recs = db.Recognitions.AsNoTracking();
        rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id));
        // With a year, Top 10 means Top 10 in that year.
        if (f.Year is { } year && f.Top10 == true)
            rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.Year == year && r.Top10));
        else if (f.Year is { } onlyYear)
            rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.Year == onlyYear));
        else if (f.Top10 == true)
            rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.Top10));
        if (!string.IsNullOrWhiteSpace(f.Sector))
        {
            var code = f.Sector.Trim();
            rows = rows.Where(p => db.Sectors.Any(s => s.Id == p.SectorId && s.Code == code));
        }
        if (!string.IsNullOrWhiteSpace(f.Commune))
        {
            var commune = f.Commune.Trim();
            rows = rows.Where(p =>
                db.Enterprises.Any(e => e.Id == p.EnterpriseId && e.HeadOffice.CommuneCode == commune)
            );
        }
        // Status is the status of the product's latest recognition.
        switch (f.Status?.Trim().ToLowerInvariant())
        {
            case "valid":
                rows = rows.Where(p =>
                    recs.Any(r =>
                        r.ProductId == p.Id
                        && r.RevokedAt == null
                        && r.ValidTo >= today
                        && !recs.Any(r2 => r2.ProductId == p.Id && r2.Year > r.Year)
                    )
                );
                break;
            case "expired":
                rows = rows.Where(p =>
                    recs.Any(r =>
                        r.ProductId == p.Id
                        && r.RevokedAt == null
                        && r.ValidTo < today
                        && !recs.Any(r2 => r2.ProductId == p.Id && r2.Year > r.Year)
                    )
                );
                break;
            case "revoked":
                rows = rows.Where(p =>
                    recs.Any(r =>
                        r.ProductId == p.Id
                        && r.RevokedAt != null
                        && !recs.Any(r2 => r2.ProductId == p.Id && r2.Year > r.Year)
                    )
                );
                break;
        }
        return rows;
    }

    private IQueryable<Head> Heads(IQueryable<Product> products) =>
        from p in products.AsNoTracking()
        join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
        select new Head(
            p.Id,
            p.Name,
            p.Model,
            e.Id,
            e.NameVi,
            e.TaxCode,
            db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault()
        );

    public async Task<DirectoryItem?> ProductAsync(int id, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var head = await (
            from p in db.Products.AsNoTracking()
            join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
            where p.Id == id && db.Recognitions.Any(r => r.ProductId == p.Id)
            select new Head(
                p.Id,
                p.Name,
                p.Model,
                e.Id,
                e.NameVi,
                e.TaxCode,
                db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault()
            )
        ).FirstOrDefaultAsync(ct);
        return head is null ? null : (await CompleteAsync([head], today, ct))[0];
    }

    public async Task<IReadOnlyList<DirectoryItem>> ByEnterpriseAsync(int enterpriseId, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var heads = await (
            from p in db.Products.AsNoTracking()
            join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
            where e.Id == enterpriseId && db.Recognitions.Any(r => r.ProductId == p.Id)
            orderby p.SearchText
            select new Head(
                p.Id,
                p.Name,
                p.Model,
                e.Id,
                e.NameVi,
                e.TaxCode,
                db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault()
            )
        ).ToListAsync(ct);
        return await CompleteAsync(heads, today, ct);
    }

    private sealed record ExportRow(
        int Id,
        string Name,
        string? Model,
        int EnterpriseId,
        string EnterpriseName,
        string TaxCode,
        string? Sector,
        Recognition Recognition,
        string DecisionNumber,
        DateOnly DecisionDate,
        string? Serial
    );

    /// <summary>The whole directory for open data in name order: one ordered query (a row per product, recognition and
    /// current certificate) read as a stream and grouped by product as it goes, so memory holds one product at a
    /// time.</summary>
    public async IAsyncEnumerable<DirectoryItem> AllAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct
    )
    {
        var today = VietnamTime.Today(time);
        var rows =
            from p in db.Products.AsNoTracking()
            join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
            join r in db.Recognitions.AsNoTracking() on p.Id equals r.ProductId
            join d in db.RecognitionDecisions.AsNoTracking() on r.DecisionId equals d.Id
            join c0 in db.Certificates.AsNoTracking().Where(c => c.SupersededById == null)
                on r.Id equals c0.RecognitionId
                into current
            from c in current.DefaultIfEmpty()
            orderby p.SearchText, p.Id, r.Year descending, r.Id
            select new ExportRow(
                p.Id,
                p.Name,
                p.Model,
                e.Id,
                e.NameVi,
                e.TaxCode,
                db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault(),
                r,
                d.Number,
                d.Date,
                c != null ? c.Serial : null
            );
        var group = new List<ExportRow>();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (group.Count > 0 && group[0].Id != row.Id)
            {
                yield return Item(group, today);
                group.Clear();
            }
            group.Add(row);
        }
        if (group.Count > 0)
            yield return Item(group, today);
    }

    private static DirectoryItem Item(List<ExportRow> rows, DateOnly today)
    {
        var h = rows[0];
        var lines = rows.DistinctBy(x => x.Recognition.Id)
            .Select(x => new RecognitionLine(
                x.Recognition.Id,
                x.Recognition.Year,
                x.Recognition.Top10,
                x.DecisionNumber,
                x.DecisionDate,
                x.Recognition.ValidFrom,
                x.Recognition.ValidTo,
                StatusName(x.Recognition.StatusOn(today)),
                x.Recognition.RevokedAt,
                x.Recognition.RevocationReason,
                x.Recognition.RevocationDocument
            ))
            .ToList();
        var serials = rows.Where(x => x.Serial is not null)
            .Select(x => x.Serial!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DirectoryItem(
            h.Id,
            h.Name,
            h.Model,
            h.EnterpriseId,
            h.EnterpriseName,
            h.TaxCode,
            h.Sector,
            lines.Select(l => l.Year).OrderBy(y => y).ToList(),
            lines.Where(l => l.Top10).Select(l => l.Year).OrderBy(y => y).ToList(),
            lines.Count > 0 ? lines[0].Status : "expired",
            serials,
            lines
        );
    }

    private sealed record Head(
        int Id,
        string Name,
        string? Model,
        int EnterpriseId,
        string EnterpriseName,
        string TaxCode,
        string? Sector
    );

    private async Task<List<DirectoryItem>> CompleteAsync(List<Head> heads, DateOnly today, CancellationToken ct)
    {
        if (heads.Count == 0)
            return [];
        var ids = heads.Select(h => h.Id).ToList();
        var recognitions = await (
            from r in db.Recognitions.AsNoTracking()
            join d in db.RecognitionDecisions.AsNoTracking() on r.DecisionId equals d.Id
            where ids.Contains(r.ProductId)
            orderby r.Year descending
            select new
            {
                r,
                d.Number,
                d.Date,
            }
        ).ToListAsync(ct);
        var recIds = recognitions.Select(x => x.r.Id).ToList();
        var serials = await db
            .Certificates.AsNoTracking()
            .Where(c => recIds.Contains(c.RecognitionId) && c.SupersededById == null)
            .OrderBy(c => c.Serial)
            .Select(c => new { c.RecognitionId, c.Serial })
            .ToListAsync(ct);
        return heads
            .Select(h =>
            {
                var mine = recognitions.Where(x => x.r.ProductId == h.Id).ToList();
                var lines = mine.Select(x => new RecognitionLine(
                        x.r.Id,
                        x.r.Year,
                        x.r.Top10,
                        x.Number,
                        x.Date,
                        x.r.ValidFrom,
                        x.r.ValidTo,
                        StatusName(x.r.StatusOn(today)),
                        x.r.RevokedAt,
                        x.r.RevocationReason,
                        x.r.RevocationDocument
                    ))
                    .ToList();
                var mineIds = mine.Select(x => x.r.Id).ToHashSet();
                return new DirectoryItem(
                    h.Id,
                    h.Name,
                    h.Model,
                    h.EnterpriseId,
                    h.EnterpriseName,
                    h.TaxCode,
                    h.Sector,
                    lines.Select(l => l.Year).OrderBy(y => y).ToList(),
                    lines.Where(l => l.Top10).Select(l => l.Year).OrderBy(y => y).ToList(),
                    lines.Count > 0 ? lines[0].Status : "expired",
                    serials.Where(s => mineIds.Contains(s.RecognitionId)).Select(s => s.Serial).ToList(),
                    lines
                );
            })
            .ToList();
    }
}
