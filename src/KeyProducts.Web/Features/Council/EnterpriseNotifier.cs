using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Tells an enterprise about its results: an in-app notice to each of its users and a mail to its contact
/// address.</summary>
public sealed class EnterpriseNotifier(AppDbContext db, MailOutbox outbox)
{
    public async Task NotifyAsync(
        IReadOnlyCollection<(int EnterpriseId, string Subject, string Text)> messages,
        CancellationToken ct
    )
    {
        var ids = messages.Select(m => m.EnterpriseId).Distinct().ToList();
        var contacts = await db
            .Enterprises.Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.ContactEmail, ct);
        var users = await db
            .Users.Where(u => u.EnterpriseId != null && ids.Contains(u.EnterpriseId.Value))
            .Select(u => new { u.Id, u.EnterpriseId })
            .ToListAsync(ct);
        foreach (var (enterpriseId, subject, text) in messages)
        {
            outbox.Enqueue(contacts.GetValueOrDefault(enterpriseId) ?? "", subject, text);
            foreach (var u in users.Where(u => u.EnterpriseId == enterpriseId))
                outbox.Notify(u.Id, text, "/Portal/Results");
        }
    }
}
