using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>What the holder of a registration link may do: cancel (the freed seat goes to the waiting list, who is
/// mailed) or answer a ceremony invitation.</summary>
public sealed class ManageRegistration(AppDbContext db, EventMail mail, TimeProvider time)
{
    public Task<OutreachEvent?> EventOfTokenAsync(string token, CancellationToken ct) =>
        db
            .OutreachEvents.Include(e => e.Registrations)
            .FirstOrDefaultAsync(e => e.Registrations.Any(r => r.Token == token), ct);

    public async Task CancelAsync(string token, CancellationToken ct = default)
    {
        var (e, r) = await FindAsync(token, ct);
        if (time.GetUtcNow() >= e.EndsAt)
            throw new DomainException("event.over", "Sự kiện đã kết thúc, không nhận đăng ký.");
        var promoted = e.Cancel(r, time.GetUtcNow());
        mail.Cancelled(e, r);
        if (promoted is not null)
            mail.Status(e, promoted);
        db.Entry(e).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }

    public async Task AnswerAsync(string token, bool accept, CancellationToken ct = default)
    {
        var (e, r) = await FindAsync(token, ct);
        e.Answer(r, accept, time.GetUtcNow());
        if (accept)
            mail.Status(e, r);
        db.Entry(e).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }

    private async Task<(OutreachEvent, EventRegistration)> FindAsync(string token, CancellationToken ct)
    {
        var e = await EventOfTokenAsync(token, ct)
            ?? throw new DomainException("NoRegistration", "Không tìm thấy đăng ký.");
        return (e, e.Registrations.First(r => r.Token == token));
    }
}
