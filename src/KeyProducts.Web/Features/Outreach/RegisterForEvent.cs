using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

public sealed record RegistrationFields(string Name, string Organisation, string Phone, string Email, string? TaxCode);

/// <summary>A guest or an enterprise account registers for a published event: a seat, or the waiting list when full,
/// and the matching mail. Two people taking the last seat at once: the event's version makes one of them
/// retry.</summary>
public sealed class RegisterForEvent(AppDbContext db, EventMail mail, TimeProvider time)
{
    public async Task<EventRegistration> ExecuteAsync(
        int eventId,
        RegistrationFields f,
        int? enterpriseId,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(f.Name))
            throw new DomainException("Name", "Cần nhập họ tên.");
        if (!Infrastructure.Mail.MailAddresses.IsDeliverable(f.Email ?? ""))
            throw new DomainException("Email", "Email không hợp lệ.");
        for (var attempt = 0; ; attempt++)
        {
            var e = await db
                .OutreachEvents.Include(x => x.Registrations)
                .FirstOrDefaultAsync(x => x.Id == eventId && x.Published, ct)
                ?? throw new DomainException("NoEvent", "Không tìm thấy sự kiện.");
            var r = e.Register(
                f.Name,
                f.Organisation,
                f.Phone,
                f.Email!,
                f.TaxCode,
                time.GetUtcNow(),
                EventMail.NewToken()
            );
            r.EnterpriseId = enterpriseId;
            // Bump the event's version so that two registrations for the last seat cannot both be confirmed.
            db.Entry(e).State = EntityState.Modified;
            mail.Status(e, r);
            try
            {
                await db.SaveChangesAsync(ct);
                return r;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
