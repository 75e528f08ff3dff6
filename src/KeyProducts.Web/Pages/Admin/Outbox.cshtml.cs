using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Admin;

public class OutboxModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Messages = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(200)
            .Select(m => new OutboxMessage { Id = m.Id, To = m.To, Subject = m.Subject, CreatedAt = m.CreatedAt, SentAt = m.SentAt, Held = m.Held, Attempts = m.Attempts, LastError = m.LastError })
            .ToListAsync(ct);
}
