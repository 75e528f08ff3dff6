using KeyProducts.Core.Common;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Api.V1;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KeyProducts.Web.Pages.Public.Directory;

[OutputCache(PolicyName = DirectoryCache.Policy)]
public class IndexModel(
    DirectoryQueries queries,
    AppDbContext db,
    TimeProvider time,
    IMemoryCache cache,
    DirectoryGeneration generation
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Top10 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>From the query string: a bound property named "page" would read the Razor Pages route value of that
    /// name.</summary>
    public string? PageNumber => Request.Query["page"];

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public DirectoryPage Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<Sector> Sectors { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<int> CommentYears { get; private set; } = [];

    private sealed record Facets(
        IReadOnlyList<Sector> Sectors,
        IReadOnlyList<(string Code, string Name)> Communes,
        IReadOnlyList<int> Years
    );

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = DirectoryEndpoints.Filter(Q, Year, Sector, Top10, Status, Commune, Sort, PageNumber, "20", After);
        Result = await queries.SearchAsync(filter, ct);
        // The filter lists change only with the directory: built once per generation, not read from every recognition
        // per page.
        var facets = await cache.GetOrCreateAsync(("directory-facets", generation.Value), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var sectors = await db
                .Sectors.AsNoTracking()
                .Where(s => s.ValidToYear == null)
                .OrderBy(s => s.SortOrder)
                .ToListAsync(ct);
            var communes = (
                await db
                    .AdministrativeUnits.AsNoTracking()
                    .Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null)
                    .OrderBy(u => u.SearchName)
                    .Select(u => new { u.Code, u.Name })
                    .ToListAsync(ct)
            )
                .Select(u => (u.Code, u.Name))
                .ToList();
            var years = await db
                .Recognitions.AsNoTracking()
                .Select(r => r.Year)
                .Distinct()
                .OrderByDescending(y => y)
                .ToListAsync(ct);
            return new Facets(sectors, communes, years);
        });
        (Sectors, Communes, Years) = (facets!.Sectors, facets.Communes, facets.Years);
        var now = time.GetUtcNow();
        CommentYears = (await db.Rounds.AsNoTracking().Where(r => r.CommentOpens != null).ToListAsync(ct))
            .Where(r => r.IsInCommentWindow(now))
            .Select(r => r.Year)
            .ToList();
    }

    /// <summary>Numbered pages reach the counted matches only; past them (and after a "next" link) the keyset link goes
    /// on.</summary>
    public int PageCount =>
        Math.Max(1, (Math.Min(Result.Total, DirectoryQueries.TotalCap) + Result.PageSize - 1) / Result.PageSize);

    public bool ByCursor => Result.Page == 0;

    public string NextUrl(int after) =>
        DirectoryUrl(
            new Dictionary<string, string?>
            {
                ["after"] = after.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );

    public string PageUrl(int page) =>
        DirectoryUrl(
            new Dictionary<string, string?>
            {
                ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );

    private string DirectoryUrl(Dictionary<string, string?> paging)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["year"] = Year,
            ["sector"] = Sector,
            ["top10"] = Top10,
            ["status"] = Status,
            ["commune"] = Commune,
            ["sort"] = Sort,
        };
        foreach (var (k, v) in paging)
            q[k] = v;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Public/Directory",
            q.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );
    }
}
