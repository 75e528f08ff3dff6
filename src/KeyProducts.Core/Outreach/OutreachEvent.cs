using KeyProducts.Core.Common;

namespace KeyProducts.Core.Outreach;

/// <summary>Kinds of outreach event named in the city's plan (program.md §0).</summary>
public enum EventKind
{
    PressConference,      // họp báo
    TrainingConference,   // hội nghị tập huấn, phổ biến
    HonouringCeremony,    // lễ tôn vinh
    TradeFair,            // hội chợ
}

/// <summary>Where an event takes place: an industrial cluster (cụm công nghiệp), a craft village (làng nghề) or any venue.</summary>
public enum PlaceKind { IndustrialCluster, CraftVillage, OtherVenue }

public enum RegistrationStatus { Confirmed, WaitingList, Cancelled }

/// <summary>An outreach event (sự kiện truyền thông). Registrations change only through <see cref="Register"/>,
/// <see cref="Cancel"/> and <see cref="CheckIn"/>, so capacity and the waiting list stay consistent.</summary>
public class OutreachEvent : Entity, IAudited
{
    public EventKind Kind { get; set; }
    public string Title { get; set; } = "";
    public PlaceKind PlaceKind { get; set; }
    public string Venue { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>Confirmed seats; 0 means no limit.</summary>
    public int Capacity { get; set; }
    public string Audience { get; set; } = "";
    public string Programme { get; set; } = "";
    public string OrganisingUnit { get; set; } = "";
    public List<EventRegistration> Registrations { get; set; } = [];

    public int ConfirmedCount => Registrations.Count(r => r.Status == RegistrationStatus.Confirmed);

    public bool IsFull => Capacity > 0 && ConfirmedCount >= Capacity;

    /// <summary>Adds a registration: confirmed while seats remain, otherwise on the waiting list. The same e-mail
    /// may hold only one active registration per event.</summary>
    public EventRegistration Register(string name, string organisation, string phone, string email, string? taxCode, DateTimeOffset now, string token)
    {
        if (now >= EndsAt) throw new DomainException("event.over", "Sự kiện đã kết thúc, không nhận đăng ký.");
        var normalized = NormalizeEmail(email);
        if (normalized.Length == 0) throw new DomainException("event.email", "Vui lòng nhập email.");
        if (Registrations.Any(r => r.Status != RegistrationStatus.Cancelled && r.Email == normalized))
            throw new DomainException("event.duplicate", "Email này đã đăng ký tham dự sự kiện.");
        string? tax = null;
        if (!string.IsNullOrWhiteSpace(taxCode))
        {
            if (!TaxCode.TryParse(taxCode, out var parsed))
                throw new DomainException("event.taxcode", "Mã số thuế không hợp lệ (sai chữ số kiểm tra). Vui lòng kiểm tra lại.");
            tax = parsed.Value;
        }
        var registration = new EventRegistration
        {
            Event = this, Name = name.Trim(), Organisation = organisation.Trim(), Phone = phone.Trim(), Email = normalized,
            TaxCode = tax, Token = token, RegisteredAt = now,
            Status = IsFull ? RegistrationStatus.WaitingList : RegistrationStatus.Confirmed,
        };
        Registrations.Add(registration);
        return registration;
    }

    /// <summary>Cancels a registration; a freed seat goes to the earliest on the waiting list, which is returned.</summary>
    public EventRegistration? Cancel(EventRegistration registration, DateTimeOffset now)
    {
        if (!Registrations.Contains(registration)) throw new DomainException("event.other", "Đăng ký không thuộc sự kiện này.");
        if (registration.Status == RegistrationStatus.Cancelled) return null;
        if (registration.AttendedAt is not null) throw new DomainException("event.attended", "Đã điểm danh, không thể hủy đăng ký.");
        var freedSeat = registration.Status == RegistrationStatus.Confirmed;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        if (!freedSeat || IsFull) return null;
        var next = Registrations.Where(r => r.Status == RegistrationStatus.WaitingList).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).FirstOrDefault();
        if (next is not null) next.Status = RegistrationStatus.Confirmed;
        return next;
    }

    /// <summary>Marks attendance for the registration holding <paramref name="token"/>. A token of another event,
    /// a forged one, a cancelled or waiting registration is refused.</summary>
    public EventRegistration CheckIn(string token, DateTimeOffset now)
    {
        var r = Registrations.FirstOrDefault(x => string.Equals(x.Token, token, StringComparison.Ordinal))
            ?? throw new DomainException("checkin.unknown", "Mã QR không thuộc sự kiện này hoặc không hợp lệ.");
        if (r.Status == RegistrationStatus.Cancelled) throw new DomainException("checkin.cancelled", "Đăng ký này đã bị hủy.");
        if (r.Status == RegistrationStatus.WaitingList) throw new DomainException("checkin.waiting", "Người này đang trong danh sách chờ, chưa có chỗ.");
        r.AttendedAt ??= now;
        return r;
    }

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();
}

/// <summary>One person's registration (đăng ký tham dự), as a guest or from an enterprise account.</summary>
public class EventRegistration : Entity, IAudited
{
    public int EventId { get; set; }
    public OutreachEvent? Event { get; set; }
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string? TaxCode { get; set; }
    public int? EnterpriseId { get; set; }
    /// <summary>Unguessable token printed in the QR code and in the cancellation link.</summary>
    public string Token { get; set; } = "";
    public RegistrationStatus Status { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? AttendedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
}
