using KeyProducts.Core.Common;
using KeyProducts.Core.Reference;
using KeyProducts.Web.Api.V1;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Public.Directory;

[OutputCache(PolicyName = DirectoryCache.Policy)]
public class IndexModel(DirectoryQueries queries, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Top10 { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public string? PageNumber { get; set; }

    public DirectoryPage Result { get; private set; } = new([], 0, 1, 20);
    public IReadOnlyList<Sector> Sectors { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<int> CommentYears { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = DirectoryEndpoints.Filter(Q, Year, Sector, Top10, Status, Commune, Sort, PageNumber, "20");
        Result = await queries.SearchAsync(filter, ct);
        Sectors = await db.Sectors.AsNoTracking().Where(s => s.ValidToYear == null).OrderBy(s => s.SortOrder).ToListAsync(ct);
        Communes = (await db.AdministrativeUnits.AsNoTracking().Where(u => u.Level == UnitLevel.Commune && u.ValidTo == null)
            .OrderBy(u => u.SearchName).Select(u => new { u.Code, u.Name }).ToListAsync(ct)).Select(u => (u.Code, u.Name)).ToList();
        Years = await db.Recognitions.AsNoTracking().Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var now = time.GetUtcNow();
        CommentYears = (await db.Rounds.AsNoTracking().Where(r => r.CommentOpens != null).ToListAsync(ct))
            .Where(r => r.IsInCommentWindow(now)).Select(r => r.Year).ToList();
    }

    public int PageCount => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public string PageUrl(int page)
    {
        var q = new Dictionary<string, string?> { ["q"] = Q, ["year"] = Year, ["sector"] = Sector, ["top10"] = Top10, ["status"] = Status, ["commune"] = Commune, ["sort"] = Sort, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Public/Directory", q.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
