using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Admin;

public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record UserRow(
        string DisplayName,
        string? Email,
        IReadOnlyList<string> Roles,
        DateTimeOffset? LockoutEnd
    );

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            select new
            {
                u.DisplayName,
                u.Email,
                u.LockoutEnd,
                Roles = db
                    .UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                    .ToList(),
            }
        )
            .OrderBy(u => u.Email)
            .Take(500)
            .ToListAsync(ct);
        Users = rows.Select(r => new UserRow(r.DisplayName, r.Email, r.Roles, r.LockoutEnd)).ToList();
    }
}
