using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.PublicDirectory;

/// <summary>Filters of the public directory, shared by the pages, the API and the open-data files.</summary>
public sealed record DirectoryFilter(string? Q = null, int? Year = null, string? Sector = null, bool? Top10 = null,
    string? Status = null, string? Commune = null, string? Sort = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 100;
    public int SafePage => Math.Clamp(Page, 1, 100_000);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record RecognitionLine(int Id, int Year, bool Top10, string DecisionNumber, DateOnly DecisionDate,
    DateOnly ValidFrom, DateOnly ValidTo, string Status, DateTimeOffset? RevokedAt, string? RevocationReason, string? RevocationDocument);

public sealed record DirectoryItem(int Id, string Name, string? Model, int EnterpriseId, string EnterpriseName, string TaxCode,
    string? Sector, IReadOnlyList<int> Years, IReadOnlyList<int> Top10Years, string Status, IReadOnlyList<string> Certificates,
    IReadOnlyList<RecognitionLine> Recognitions);

public sealed record DirectoryPage(IReadOnlyList<DirectoryItem> Items, int Total, int Page, int PageSize);

/// <summary>Read queries of the public directory.</summary>
public sealed class DirectoryQueries(AppDbContext db, TimeProvider time)
{
    public static string StatusName(RecognitionStatus s) => s switch
    {
        RecognitionStatus.Valid => "valid",
        RecognitionStatus.Expired => "expired",
        _ => "revoked",
    };

    /// <summary>One page of the directory in five SQL commands: the total, the page's ids, their heads, recognitions and
    /// certificates. The count and the ids read only Products (decision 0008): q matches the one folded column that holds
    /// the product's and its enterprise's text, so no join runs over all the matches.</summary>
    public async Task<DirectoryPage> SearchAsync(DirectoryFilter f, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var recs = db.Recognitions.AsNoTracking();
        var rows = db.Products.AsNoTracking();

        // The cheap, selective text test first: SQLite evaluates the terms in this order.
        var folded = SearchText.Query(f.Q);
        if (folded.Length > 0)
        {
            var pattern = SearchText.LikePattern(folded);
            rows = rows.Where(p => EF.Functions.Like(p.DirectorySearchText, pattern, "\\"));
        }
        rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id));
        // With a year, Top 10 means Top 10 in that year.
        if (f.Year is { } year && f.Top10 == true) rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.Year == year && r.Top10));
        else if (f.Year is { } onlyYear) rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.Year == onlyYear));
        else if (f.Top10 == true) rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.Top10));
        if (!string.IsNullOrWhiteSpace(f.Sector))
        {
            var code = f.Sector.Trim();
            rows = rows.Where(p => db.Sectors.Any(s => s.Id == p.SectorId && s.Code == code));
        }
        if (!string.IsNullOrWhiteSpace(f.Commune))
        {
            var commune = f.Commune.Trim();
            rows = rows.Where(p => db.Enterprises.Any(e => e.Id == p.EnterpriseId && e.HeadOffice.CommuneCode == commune));
        }
        // Status is the status of the product's latest recognition.
        switch (f.Status?.Trim().ToLowerInvariant())
        {
            case "valid":
                rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.RevokedAt == null && r.ValidTo >= today && !recs.Any(r2 => r2.ProductId == p.Id && r2.Year > r.Year)));
                break;
            case "expired":
                rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.RevokedAt == null && r.ValidTo < today && !recs.Any(r2 => r2.ProductId == p.Id && r2.Year > r.Year)));
                break;
            case "revoked":
                rows = rows.Where(p => recs.Any(r => r.ProductId == p.Id && r.RevokedAt != null && !recs.Any(r2 => r2.ProductId == p.Id && r2.Year > r.Year)));
                break;
        }

        var total = await rows.CountAsync(ct);
        var sorted = f.Sort switch
        {
            "year" => rows.OrderByDescending(p => recs.Where(r => r.ProductId == p.Id).Max(r => r.Year)).ThenBy(p => p.SearchText).ThenBy(p => p.Id),
            "enterprise" => rows.OrderBy(p => db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.SearchText).First()).ThenBy(p => p.Id),
            "year_asc" => rows.OrderBy(p => recs.Where(r => r.ProductId == p.Id).Max(r => r.Year)).ThenBy(p => p.Id),
            // By name by default: the index on the name's search text keeps the first pages cheap with 100,000 products.
            _ => rows.OrderBy(p => p.SearchText).ThenBy(p => p.Id),
        };
        // The page's ids first, then the 20 rows they name: skipped rows never join their enterprise or sector.
        var ids = await sorted.Skip((f.SafePage - 1) * f.SafePageSize).Take(f.SafePageSize).Select(p => p.Id).ToListAsync(ct);
        var heads = ids.Count == 0 ? [] : (await Heads(db.Products.Where(p => ids.Contains(p.Id))).ToListAsync(ct))
            .OrderBy(h => ids.IndexOf(h.Id)).ToList();
        return new DirectoryPage(await CompleteAsync(heads, today, ct), total, f.SafePage, f.SafePageSize);
    }

    private IQueryable<Head> Heads(IQueryable<Product> products) =>
        from p in products.AsNoTracking()
        join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
        select new Head(p.Id, p.Name, p.Model, e.Id, e.NameVi, e.TaxCode,
            db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault());

    public async Task<DirectoryItem?> ProductAsync(int id, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var head = await (from p in db.Products.AsNoTracking()
                          join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
                          where p.Id == id && db.Recognitions.Any(r => r.ProductId == p.Id)
                          select new Head(p.Id, p.Name, p.Model, e.Id, e.NameVi, e.TaxCode,
                              db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        return head is null ? null : (await CompleteAsync([head], today, ct))[0];
    }

    public async Task<IReadOnlyList<DirectoryItem>> ByEnterpriseAsync(int enterpriseId, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var heads = await (from p in db.Products.AsNoTracking()
                           join e in db.Enterprises.AsNoTracking() on p.EnterpriseId equals e.Id
                           where e.Id == enterpriseId && db.Recognitions.Any(r => r.ProductId == p.Id)
                           orderby p.SearchText
                           select new Head(p.Id, p.Name, p.Model, e.Id, e.NameVi, e.TaxCode,
                               db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault()))
            .ToListAsync(ct);
        return await CompleteAsync(heads, today, ct);
    }

    /// <summary>The whole directory for open data, in pages so memory stays bounded.</summary>
    public async IAsyncEnumerable<DirectoryItem> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var batch = await SearchAsync(new DirectoryFilter(Sort: "name", Page: page, PageSize: DirectoryFilter.MaxPageSize), ct);
            foreach (var item in batch.Items) yield return item;
            if (page * batch.PageSize >= batch.Total) yield break;
        }
    }

    private sealed record Head(int Id, string Name, string? Model, int EnterpriseId, string EnterpriseName, string TaxCode, string? Sector);

    private async Task<List<DirectoryItem>> CompleteAsync(List<Head> heads, DateOnly today, CancellationToken ct)
    {
        if (heads.Count == 0) return [];
        var ids = heads.Select(h => h.Id).ToList();
        var recognitions = await (from r in db.Recognitions.AsNoTracking()
                                  join d in db.RecognitionDecisions.AsNoTracking() on r.DecisionId equals d.Id
                                  where ids.Contains(r.ProductId)
                                  orderby r.Year descending
                                  select new { r, d.Number, d.Date }).ToListAsync(ct);
        var recIds = recognitions.Select(x => x.r.Id).ToList();
        var serials = await db.Certificates.AsNoTracking()
            .Where(c => recIds.Contains(c.RecognitionId) && c.SupersededById == null)
            .OrderBy(c => c.Serial).Select(c => new { c.RecognitionId, c.Serial }).ToListAsync(ct);
        return heads.Select(h =>
        {
            var mine = recognitions.Where(x => x.r.ProductId == h.Id).ToList();
            var lines = mine.Select(x => new RecognitionLine(x.r.Id, x.r.Year, x.r.Top10, x.Number, x.Date, x.r.ValidFrom, x.r.ValidTo,
                StatusName(x.r.StatusOn(today)), x.r.RevokedAt, x.r.RevocationReason, x.r.RevocationDocument)).ToList();
            var mineIds = mine.Select(x => x.r.Id).ToHashSet();
            return new DirectoryItem(h.Id, h.Name, h.Model, h.EnterpriseId, h.EnterpriseName, h.TaxCode, h.Sector,
                lines.Select(l => l.Year).OrderBy(y => y).ToList(), lines.Where(l => l.Top10).Select(l => l.Year).OrderBy(y => y).ToList(),
                lines.Count > 0 ? lines[0].Status : "expired",
                serials.Where(s => mineIds.Contains(s.RecognitionId)).Select(s => s.Serial).ToList(), lines);
        }).ToList();
    }
}
