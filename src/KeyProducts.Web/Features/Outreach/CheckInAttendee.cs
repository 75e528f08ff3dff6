using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>Marks attendance at the door from the QR code's token (or the token of a registration found by name).
/// Attendance with a tax code is logged as a contact on that year's mobilization target with the same code.</summary>
public sealed class CheckInAttendee(AppDbContext db, TimeProvider time, Infrastructure.Audit.ICurrentUser user)
{
    public async Task<EventRegistration> ExecuteAsync(int eventId, string? scanned, CancellationToken ct = default)
    {
        var e = await db.OutreachEvents.Include(x => x.Registrations).FirstOrDefaultAsync(x => x.Id == eventId, ct)
            ?? throw new DomainException("NoEvent", "Không tìm thấy sự kiện.");
        var now = time.GetUtcNow();
        var wasAttended = e.Registrations.FirstOrDefault(r => r.Token == TokenOf(scanned))?.AttendedAt is not null;
        var r = e.CheckIn(TokenOf(scanned), now);
        if (!wasAttended && r.TaxCode is { } tax)
        {
            var year = VietnamTime.ToLocal(e.StartsAt).Year;
            var parent = tax.Length > 10 ? tax[..10] : tax;
            var targets = await db
                .MobilizationTargets.Include(t => t.Contacts)
                .Where(t => t.Year == year && (t.TaxCode == tax || t.TaxCode == parent))
                .ToListAsync(ct);
            foreach (var t in targets)
                t.LogContact(
                    ContactKind.EventAttended,
                    DateOnly.FromDateTime(VietnamTime.ToLocal(e.StartsAt).DateTime),
                    $"{e.Title} — {r.Name}",
                    user.Id,
                    now
                );
        }
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>The QR code holds the registration link; a scanner may hand over the link or the bare token.</summary>
    public static string TokenOf(string? scanned)
    {
        var s = (scanned ?? "").Trim();
        var slash = s.LastIndexOf('/');
        return slash >= 0 ? s[(slash + 1)..] : s;
    }
}
