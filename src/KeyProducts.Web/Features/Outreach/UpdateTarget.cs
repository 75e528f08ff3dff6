using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>An officer's work on one target: take or give ownership, move it up to "guided", log a contact.</summary>
public sealed class UpdateTarget(AppDbContext db, TimeProvider time, Infrastructure.Audit.ICurrentUser user)
{
    private async Task<MobilizationTarget> LoadAsync(int id, int seenVersion, CancellationToken ct)
    {
        var t = await db.MobilizationTargets.Include(x => x.Contacts).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException("NoTarget", "Không tìm thấy doanh nghiệp mục tiêu.");
        if (t.Version != seenVersion)
            throw new DomainException(
                "Changed",
                "Doanh nghiệp mục tiêu vừa được người khác cập nhật. Vui lòng tải lại trang."
            );
        return t;
    }

    public async Task AssignAsync(int id, int seenVersion, string? ownerUserId, CancellationToken ct = default)
    {
        var t = await LoadAsync(id, seenVersion, ct);
        if (
            ownerUserId is { Length: > 0 }
            && !await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.Id == ownerUserId && (r.Name == Roles.Officer || r.Name == Roles.Admin)
                select u.Id
            ).AnyAsync(ct)
        )
            throw new DomainException("Owner", "Người phụ trách phải là cán bộ.");
        t.OwnerUserId = ownerUserId is { Length: > 0 } ? ownerUserId : null;
        await db.SaveChangesAsync(ct);
    }

    public async Task MoveAsync(int id, int seenVersion, MobilizationStage to, CancellationToken ct = default)
    {
        var t = await LoadAsync(id, seenVersion, ct);
        t.MoveTo(to);
        await db.SaveChangesAsync(ct);
    }

    public async Task LogContactAsync(
        int id,
        int seenVersion,
        ContactKind kind,
        DateOnly on,
        string note,
        CancellationToken ct = default
    )
    {
        var t = await LoadAsync(id, seenVersion, ct);
        if (on > VietnamTime.Today(time))
            throw new DomainException("On", "Ngày liên hệ không được sau hôm nay.");
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("Note", "Cần ghi nội dung liên hệ.");
        if (note.Length > 1000)
            throw new DomainException("Note", "Nội dung tối đa 1000 ký tự.");
        t.LogContact(kind, on, note, user.Id, time.GetUtcNow());
        db.Entry(t).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Sets the thresholds a year's targets are flagged against, and re-flags that year's list.</summary>
public sealed class SetTargetThresholds(AppDbContext db)
{
    public async Task ExecuteAsync(int year, long revenueVnd, long exportUsdCents, CancellationToken ct = default)
    {
        if (revenueVnd <= 0 || exportUsdCents <= 0)
            throw new DomainException("Thresholds", "Ngưỡng phải lớn hơn 0.");
        var row = await db.TargetThresholds.FirstOrDefaultAsync(t => t.Year == year, ct);
        if (row is null)
            db.TargetThresholds.Add(row = new TargetThresholds { Year = year });
        row.RevenueVnd = revenueVnd;
        row.ExportUsdCents = exportUsdCents;
        foreach (var t in await db.MobilizationTargets.Where(t => t.Year == year).ToListAsync(ct))
            t.Flags = row.Rules.Flag(t.RevenueVnd, t.ExportUsdCents, t.HighTechProduct is not null);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Mails each target of the year that has an e-mail and no invitation yet a personal invitation to an event,
/// with a registration link that fills in its tax code; the mail is logged as a contact.</summary>
public sealed class InviteTargets(
    AppDbContext db,
    Infrastructure.Mail.MailOutbox outbox,
    EventMail mail,
    TimeProvider time,
    Infrastructure.Audit.ICurrentUser user
)
{
    public async Task<int> ExecuteAsync(int year, int eventId, CancellationToken ct = default)
    {
        var e = await db.OutreachEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId && x.Published, ct)
            ?? throw new DomainException("NoEvent", "Chọn một sự kiện đã công bố.");
        var targets = await db
            .MobilizationTargets.Include(t => t.Contacts)
            .Where(t => t.Year == year && t.Email != null && t.InvitedAt == null)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var t in targets)
        {
            var link = $"{mail.BaseUrl}/Public/Events/Details/{e.Id}?tax={Uri.EscapeDataString(t.TaxCode)}";
            outbox.Enqueue(
                t.Email!,
                $"Thư mời: {e.Title}",
                $"Kính gửi {t.Name},\n\nSở Công Thương Hà Nội trân trọng mời doanh nghiệp tham dự {e.Title} vào "
                    + $"{EventMail.When(e)} "
                    + $"tại {e.Venue}, để tìm hiểu chương trình bình chọn sản phẩm công nghiệp chủ lực thành phố Hà "
                    + $"Nội.\n\n"
                    + $"Đăng ký tham dự (mã số thuế đã được điền sẵn): {link}"
            );
            t.InvitedAt = now;
            t.LogContact(ContactKind.Mail, VietnamTime.Today(time), $"Thư mời: {e.Title}", user.Id, now);
        }
        await db.SaveChangesAsync(ct);
        return targets.Count;
    }
}
