using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Enterprises;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Portal.Products;

public class IndexModel(EnterpriseAccess access, AppDbContext db) : PageModel
{
    public sealed record Row(
        int Id,
        string Name,
        string? Model,
        string? Sector,
        bool IsHighTech,
        string? HighTechCode,
        int IpCount,
        int Dossiers
    );

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await (await access.VisibleProductsAsync(User, ct))
            .AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new Row(
                p.Id,
                p.Name,
                p.Model,
                db.Sectors.Where(s => s.Id == p.SectorId).Select(s => s.NameVi).FirstOrDefault(),
                p.IsHighTech,
                p.HighTechCode,
                p.IntellectualProperties.Count,
                db.Dossiers.Count(d => d.ProductId == p.Id)
            ))
            .ToListAsync(ct);
}
