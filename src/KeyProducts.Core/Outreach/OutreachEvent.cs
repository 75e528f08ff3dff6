using KeyProducts.Core.Common;

namespace KeyProducts.Core.Outreach;

/// <summary>Kinds of outreach event named in the city's plan (program.md §0).</summary>
public enum EventKind
{
    PressConference, // họp báo
    TrainingConference, // hội nghị tập huấn, phổ biến
    HonouringCeremony, // lễ tôn vinh
    TradeFair, // hội chợ
}

/// <summary>Where an event takes place: an industrial cluster (cụm công nghiệp), a craft village (làng nghề) or any
/// venue.</summary>
public enum PlaceKind
{
    IndustrialCluster,
    CraftVillage,
    OtherVenue,
}

public enum RegistrationStatus
{
    Confirmed,
    WaitingList,
    Cancelled,
    Invited,
    Declined,
}

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

    /// <summary>The cluster or craft village when <see cref="PlaceKind"/> names one.</summary>
    public int? PlaceId { get; set; }

    /// <summary>Shown on the public pages and open to registration.</summary>
    public bool Published { get; set; }
    public List<EventRegistration> Registrations { get; set; } = [];
    public List<EventMaterial> Materials { get; set; } = [];

    public int ConfirmedCount => Registrations.Count(r => r.Status == RegistrationStatus.Confirmed);

    public bool IsFull => Capacity > 0 && ConfirmedCount >= Capacity;

    /// <summary>Adds a registration: confirmed while seats remain, otherwise on the waiting list. The same e-mail
    /// may hold only one active registration per event.</summary>
    public EventRegistration Register(
        string name,
        string organisation,
        string phone,
        string email,
        string? taxCode,
        DateTimeOffset now,
        string token
    )
    {
        if (now >= EndsAt)
            throw new DomainException("event.over", "Sự kiện đã kết thúc, không nhận đăng ký.");
        var normalized = NormalizeEmail(email);
        if (normalized.Length == 0)
            throw new DomainException("event.email", "Vui lòng nhập email.");
        if (Registrations.Any(r => r.IsActive && r.Email == normalized))
            throw new DomainException("event.duplicate", "Email này đã đăng ký tham dự sự kiện.");
        string? tax = null;
        if (!string.IsNullOrWhiteSpace(taxCode))
        {
            if (!TaxCode.TryParse(taxCode, out var parsed))
                throw new DomainException(
                    "event.taxcode",
                    "Mã số thuế không hợp lệ (sai chữ số kiểm tra). Vui lòng kiểm tra lại."
                );
            tax = parsed.Value;
        }
        var registration = new EventRegistration
        {
            Event = this,
            Name = name.Trim(),
            Organisation = organisation.Trim(),
            Phone = phone.Trim(),
            Email = normalized,
            TaxCode = tax,
            Token = token,
            RegisteredAt = now,
            // Nobody jumps the queue: while people wait, a newcomer waits too (a seat freed by a raised capacity goes
            // to them first).
            Status =
                IsFull || Registrations.Any(r => r.Status == RegistrationStatus.WaitingList)
                    ? RegistrationStatus.WaitingList
                    : RegistrationStatus.Confirmed,
        };
        Registrations.Add(registration);
        return registration;
    }

    /// <summary>Cancels a registration; a freed seat goes to the earliest on the waiting list, which is
    /// returned.</summary>
    public EventRegistration? Cancel(EventRegistration registration, DateTimeOffset now)
    {
        if (!Registrations.Contains(registration))
            throw new DomainException("event.other", "Đăng ký không thuộc sự kiện này.");
        if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
            return null;
        if (registration.AttendedAt is not null)
            throw new DomainException("event.attended", "Đã điểm danh, không thể hủy đăng ký.");
        var freedSeat = registration.Status == RegistrationStatus.Confirmed;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        if (!freedSeat)
            return null;
        return PromoteWaiting().FirstOrDefault();
    }

    /// <summary>Gives free seats to the waiting list, earliest first; returns who got one.</summary>
    public List<EventRegistration> PromoteWaiting()
    {
        var promoted = new List<EventRegistration>();
        foreach (
            var next in Registrations
                .Where(r => r.Status == RegistrationStatus.WaitingList)
                .OrderBy(r => r.RegisteredAt)
                .ThenBy(r => r.Id)
                .ToList()
        )
        {
            if (IsFull)
                break;
            next.Status = RegistrationStatus.Confirmed;
            promoted.Add(next);
        }
        return promoted;
    }

    /// <summary>Invites an enterprise to the ceremony (one invitation per e-mail); <paramref name="order"/> is its
    /// place in
    /// the decision, so the awardees' list prints in that order.</summary>
    public EventRegistration Invite(
        string name,
        string organisation,
        string email,
        string? taxCode,
        int? enterpriseId,
        int order,
        DateTimeOffset now,
        string token
    )
    {
        var normalized = NormalizeEmail(email);
        if (normalized.Length == 0)
            throw new DomainException("event.email", "Vui lòng nhập email.");
        if (Registrations.Any(r => r.IsActive && r.Email == normalized))
            throw new DomainException("event.duplicate", "Email này đã đăng ký tham dự sự kiện.");
        var r = new EventRegistration
        {
            Event = this,
            Name = name.Trim(),
            Organisation = organisation.Trim(),
            Email = normalized,
            TaxCode = taxCode,
            EnterpriseId = enterpriseId,
            Token = token,
            RegisteredAt = now,
            Status = RegistrationStatus.Invited,
            AwardOrder = order,
        };
        Registrations.Add(r);
        return r;
    }

    /// <summary>The invitee's answer: accepting takes a seat (or a place on the waiting list), declining frees
    /// nothing.</summary>
    public void Answer(EventRegistration r, bool accept, DateTimeOffset now)
    {
        if (!Registrations.Contains(r))
            throw new DomainException("event.other", "Đăng ký không thuộc sự kiện này.");
        if (r.Status is not (RegistrationStatus.Invited or RegistrationStatus.Declined))
            throw new DomainException("event.answered", "Lời mời này đã được trả lời.");
        if (now >= EndsAt)
            throw new DomainException("event.over", "Sự kiện đã kết thúc, không nhận đăng ký.");
        r.AnsweredAt = now;
        if (!accept)
        {
            r.Status = RegistrationStatus.Declined;
            return;
        }
        r.Status =
            IsFull || Registrations.Any(x => x.Status == RegistrationStatus.WaitingList)
                ? RegistrationStatus.WaitingList
                : RegistrationStatus.Confirmed;
    }

    /// <summary>Marks attendance for the registration holding <paramref name="token"/>. A token of another event,
    /// a forged one, a cancelled or waiting registration is refused.</summary>
    public EventRegistration CheckIn(string token, DateTimeOffset now)
    {
        var r = Registrations.FirstOrDefault(x => string.Equals(x.Token, token, StringComparison.Ordinal))
            ?? throw new DomainException("checkin.unknown", "Mã QR không thuộc sự kiện này hoặc không hợp lệ.");
        if (r.Status is RegistrationStatus.Cancelled or RegistrationStatus.Declined)
            throw new DomainException("checkin.cancelled", "Đăng ký này đã bị hủy.");
        if (r.Status == RegistrationStatus.Invited)
            throw new DomainException("checkin.invited", "Khách mời chưa xác nhận tham dự.");
        if (r.Status == RegistrationStatus.WaitingList)
            throw new DomainException("checkin.waiting", "Người này đang trong danh sách chờ, chưa có chỗ.");
        r.AttendedAt ??= now;
        return r;
    }

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();
}

/// <summary>One person's registration (đăng ký tham dự), as a guest or from an enterprise account.</summary>
public class EventRegistration : Entity, IAudited, ISearchable
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
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Place in the recognition decision for ceremony invitations (Top 10 first); null for ordinary
    /// registrations.</summary>
    public int? AwardOrder { get; set; }
    public string SearchText { get; set; } = "";

    /// <summary>Holds or may hold a seat: blocks a second registration with the same e-mail.</summary>
    public bool IsActive =>
        Status is RegistrationStatus.Confirmed or RegistrationStatus.WaitingList or RegistrationStatus.Invited;

    public void RefreshSearchText() => SearchText = Common.SearchText.Column(Name, Organisation, Email, Phone, TaxCode);
}

/// <summary>A file handed out for an event (programme, slides, guidance), stored outside the web root.</summary>
public class EventMaterial : Entity, IAudited
{
    public int EventId { get; set; }
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An article or broadcast about the program (nhật ký truyền thông).</summary>
public class MediaLogEntry : Entity, IAudited
{
    public string Outlet { get; set; } = "";
    public DateOnly PublishedOn { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public int? EventId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An industrial cluster (cụm công nghiệp) or craft village (làng nghề) of Hanoi, keyed by the commune it lies
/// in
/// since the 2025 reform.</summary>
public class OutreachPlace : Entity, IAudited, ISearchable
{
    public PlaceKind Kind { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string CommuneCode { get; set; } = "";
    public string CommuneName { get; set; } = "";
    public string Address { get; set; } = "";

    /// <summary>Main trade of a craft village, or the cluster's industries.</summary>
    public string Trade { get; set; } = "";
    public string SearchText { get; set; } = "";

    public void RefreshSearchText() => SearchText = Common.SearchText.Column(Code, Name, CommuneName, Address, Trade);
}
