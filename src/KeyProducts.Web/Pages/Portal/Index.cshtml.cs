using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Portal;

public class IndexModel(AppDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public Enterprise? Enterprise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user?.EnterpriseId is { } id)
            Enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
    }
}
