using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Admin;

public class OutboxModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l, ICurrentUser user)
    : PageModel
{
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public int FailedCount { get; private set; }

    /// <summary>Show only mail that failed (an error was recorded and it is not sent).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Outbox.AsNoTracking();
        FailedCount = await q.CountAsync(m => m.SentAt == null && m.LastError != null, ct);
        if (Failed)
            q = q.Where(m => m.SentAt == null && m.LastError != null);
        Messages = await q.OrderByDescending(m => m.Id)
            .Take(200)
            .Select(m => new OutboxMessage
            {
                Id = m.Id,
                To = m.To,
                Subject = m.Subject,
                CreatedAt = m.CreatedAt,
                SentAt = m.SentAt,
                Held = m.Held,
                Attempts = m.Attempts,
                LastError = m.LastError,
                NextAttemptAt = m.NextAttemptAt,
            })
            .ToListAsync(ct);
    }

    /// <summary>Puts a failed mail back in the queue for the next poll (audited by the change it makes).</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var m = await db.Outbox.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
            return NotFound();
        if (m.SentAt is null)
        {
            // Outbox rows are not audited automatically (bodies and attachments); the administrator's retry is.
            db.AuditEntries.Add(
                new AuditEntry
                {
                    At = time.GetUtcNow(),
                    UserId = user.Id,
                    UserName = user.Name,
                    EntityType = nameof(OutboxMessage),
                    EntityId = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Action = "Retry",
                    Changes = System.Text.Json.JsonSerializer.Serialize(
                        new Dictionary<string, object?[]>
                        {
                            ["Attempts"] = [m.Attempts, 0],
                            ["LastError"] = [m.LastError, null],
                        }
                    ),
                }
            );
            m.Attempts = 0;
            m.NextAttemptAt = time.GetUtcNow();
            m.LastError = null;
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = l["Thư đã được đưa lại vào hàng đợi gửi."].Value;
        }
        return RedirectToPage(new { Failed });
    }
}
