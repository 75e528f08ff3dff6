using System.Security.Claims;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>The bell in the header with the number of unread in-app notifications.</summary>
public sealed class NotificationBellViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = userId is null
            ? 0
            : await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
        return View(unread);
    }
}
