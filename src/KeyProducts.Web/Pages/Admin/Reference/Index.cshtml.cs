using KeyProducts.Core.Reference;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Admin.Reference;

public class IndexModel(AppDbContext db) : PageModel
{
    public int Sectors { get; private set; }
    public int Communes { get; private set; }
    public int Districts { get; private set; }
    public int Agencies { get; private set; }
    public int HighTech { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sectors = await db.Sectors.CountAsync(ct);
        Communes = await db.AdministrativeUnits.CountAsync(u => u.Level == UnitLevel.Commune, ct);
        Districts = await db.AdministrativeUnits.CountAsync(u => u.Level == UnitLevel.District, ct);
        Agencies = await db.Agencies.CountAsync(ct);
        HighTech = await db.HighTechProducts.CountAsync(ct);
    }
}
