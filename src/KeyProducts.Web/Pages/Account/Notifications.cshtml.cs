using System.Security.Claims;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Account;

/// <summary>The signed-in user's in-app notifications (newest first); only ever the user's own.</summary>
public class NotificationsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Items = await db
            .Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id)
            .Take(100)
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = time.GetUtcNow();
        foreach (var n in await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct))
            n.ReadAt = now;
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }
}
