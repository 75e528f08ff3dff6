using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>Mail and in-app notifications of the support workflow, queued in the same unit of work as the
/// change.</summary>
public sealed class SupportNotifier(AppDbContext db, MailOutbox outbox)
{
    public async Task NotifyEnterpriseAsync(
        SupportApplication a,
        string subject,
        string text,
        CancellationToken ct = default
    )
    {
        var users = await db
            .Users.AsNoTracking()
            .Where(u => u.EnterpriseId == a.EnterpriseId)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        var link = $"/Portal/Support/Edit/{a.Id}";
        foreach (var u in users)
        {
            outbox.Enqueue(u.Email ?? "", subject, text + "\n\n" + link);
            outbox.Notify(u.Id, subject, link);
        }
    }

    /// <summary>Officers learn in the app that an application waits for them (no mail: the queue is their work
    /// list).</summary>
    public async Task NotifyOfficersAsync(SupportApplication a, string text, CancellationToken ct = default)
    {
        var officerRole = await db
            .Roles.AsNoTracking()
            .Where(r => r.Name == Roles.Officer)
            .Select(r => r.Id)
            .FirstOrDefaultAsync(ct);
        if (officerRole is null)
            return;
        var officers = await db
            .UserRoles.AsNoTracking()
            .Where(r => r.RoleId == officerRole)
            .Select(r => r.UserId)
            .ToListAsync(ct);
        foreach (var id in officers)
            outbox.Notify(id, text, $"/Secretariat/Support/Application/{a.Id}");
    }
}
