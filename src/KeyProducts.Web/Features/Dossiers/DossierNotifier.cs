using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Tells the enterprise's users about a change of their dossier: an e-mail and an in-app notification,
/// queued in the same unit of work as the change itself.</summary>
public sealed class DossierNotifier(AppDbContext db, MailOutbox outbox)
{
    public async Task NotifyEnterpriseAsync(
        Dossier d,
        string subject,
        string text,
        string? attachmentName = null,
        byte[]? attachment = null,
        CancellationToken ct = default
    )
    {
        var users = await db
            .Users.AsNoTracking()
            .Where(u => u.EnterpriseId == d.EnterpriseId)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        var link = $"/Portal/Dossiers/Edit/{d.Id}";
        foreach (var u in users)
        {
            outbox.Enqueue(
                u.Email ?? "",
                subject,
                text + "\n\n" + link,
                attachmentName: attachmentName,
                attachment: attachment
            );
            outbox.Notify(u.Id, subject, link);
        }
    }
}
