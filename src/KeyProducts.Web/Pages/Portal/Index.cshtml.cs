using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Enterprises;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Portal;

/// <summary>The enterprise's home: profile status (with the rejection reason), products, team.</summary>
public class IndexModel(AppDbContext db, EnterpriseAccess access) : PageModel
{
    public Enterprise? Enterprise { get; private set; }
    public int Products { get; private set; }
    public int Staff { get; private set; }
    public bool IsOwner { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await access.OwnEnterpriseIdAsync(User, ct) is not { } id) return;
        Enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        Products = await db.Products.CountAsync(p => p.EnterpriseId == id, ct);
        Staff = await db.Users.CountAsync(u => u.EnterpriseId == id, ct);
        IsOwner = await access.IsOwnerAsync(User, ct);
    }
}
