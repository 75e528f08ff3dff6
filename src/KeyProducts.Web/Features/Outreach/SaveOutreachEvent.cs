using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Outreach;

public sealed record OutreachEventFields(
    EventKind Kind,
    string Title,
    PlaceKind PlaceKind,
    int? PlaceId,
    string Venue,
    DateTime StartsLocal,
    DateTime EndsLocal,
    int Capacity,
    string Audience,
    string Programme,
    string OrganisingUnit,
    bool Published
);

/// <summary>An officer creates or edits an event. Times are typed in Hanoi time and stored in UTC; a raised capacity
/// gives the freed seats to the waiting list at once.</summary>
public sealed class SaveOutreachEvent(AppDbContext db, EventMail mail)
{
    public async Task<OutreachEvent> ExecuteAsync(
        int? id,
        int seenVersion,
        OutreachEventFields f,
        CancellationToken ct = default
    )
    {
        OutreachEvent e;
        if (id is { } eid)
        {
            e = await db.OutreachEvents.Include(x => x.Registrations).FirstOrDefaultAsync(x => x.Id == eid, ct)
                ?? throw new DomainException("NoEvent", "Không tìm thấy sự kiện.");
            if (e.Version != seenVersion)
                throw new DomainException("Changed", "Sự kiện vừa được người khác thay đổi. Vui lòng tải lại trang.");
        }
        else
        {
            e = new OutreachEvent();
            db.OutreachEvents.Add(e);
        }
        if (string.IsNullOrWhiteSpace(f.Title))
            throw new DomainException("Title", "Cần nhập tên sự kiện.");
        if (f.EndsLocal <= f.StartsLocal)
            throw new DomainException("EndsAt", "Giờ kết thúc phải sau giờ bắt đầu.");
        if (f.Capacity < 0)
            throw new DomainException("Capacity", "Số chỗ không được âm.");
        string venue = f.Venue.Trim();
        if (f.PlaceKind == PlaceKind.OtherVenue)
        {
            if (venue.Length == 0)
                throw new DomainException("Venue", "Cần nêu địa điểm.");
        }
        else
        {
            var place = await db
                .OutreachPlaces.AsNoTracking()
                .FirstOrDefaultAsync(p => p.Id == f.PlaceId && p.Kind == f.PlaceKind, ct)
                ?? throw new DomainException("PlaceId", "Chọn cụm công nghiệp hoặc làng nghề trong danh mục.");
            if (venue.Length == 0)
                venue = $"{place.Name}, {place.CommuneName}";
        }
        e.Kind = f.Kind;
        e.Title = f.Title.Trim();
        e.PlaceKind = f.PlaceKind;
        e.PlaceId = f.PlaceKind == PlaceKind.OtherVenue ? null : f.PlaceId;
        e.Venue = venue;
        e.StartsAt = ToUtc(f.StartsLocal);
        e.EndsAt = ToUtc(f.EndsLocal);
        e.Capacity = f.Capacity;
        e.Audience = f.Audience.Trim();
        e.Programme = f.Programme.Trim();
        e.OrganisingUnit = f.OrganisingUnit.Trim();
        e.Published = f.Published;
        foreach (var promoted in e.PromoteWaiting())
            mail.Status(e, promoted);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public static DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, VietnamTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
