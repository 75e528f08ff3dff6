using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;

namespace KeyProducts.Core.Tests.Outreach;

public class OutreachEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static OutreachEvent AnEvent(int capacity) =>
        new()
        {
            Kind = EventKind.TrainingConference,
            Title = "Hội nghị tập huấn",
            Capacity = capacity,
            StartsAt = Now.AddDays(10),
            EndsAt = Now.AddDays(10).AddHours(3),
        };

    private static EventRegistration Register(OutreachEvent e, string email, int minutes = 0) =>
        e.Register(
            "Nguyễn Văn A",
            "Công ty X",
            "0912345678",
            email,
            null,
            Now.AddMinutes(minutes),
            Guid.NewGuid().ToString("N")
        );

    [Fact]
    public void Registrations_beyond_capacity_go_to_the_waiting_list()
    {
        var e = AnEvent(2);
        Assert.Equal(RegistrationStatus.Confirmed, Register(e, "a@x.vn").Status);
        Assert.Equal(RegistrationStatus.Confirmed, Register(e, "b@x.vn").Status);
        Assert.Equal(RegistrationStatus.WaitingList, Register(e, "c@x.vn").Status);
        Assert.Equal(2, e.ConfirmedCount);
    }

    [Fact]
    public void Zero_capacity_means_no_limit()
    {
        var e = AnEvent(0);
        for (var i = 0; i < 50; i++)
            Assert.Equal(RegistrationStatus.Confirmed, Register(e, $"p{i}@x.vn").Status);
    }

    [Fact]
    public void Cancelling_a_confirmed_seat_promotes_the_earliest_waiting()
    {
        var e = AnEvent(1);
        var first = Register(e, "a@x.vn");
        var later = Register(e, "c@x.vn", 5);
        var earlier = Register(e, "b@x.vn", 2);
        Assert.Same(earlier, e.Cancel(first, Now));
        Assert.Equal(RegistrationStatus.Confirmed, earlier.Status);
        Assert.Equal(RegistrationStatus.WaitingList, later.Status);
        Assert.Equal(RegistrationStatus.Cancelled, first.Status);
    }

    [Fact]
    public void Cancelling_a_waiting_registration_promotes_nobody()
    {
        var e = AnEvent(1);
        Register(e, "a@x.vn");
        var waiting = Register(e, "b@x.vn");
        var other = Register(e, "c@x.vn");
        Assert.Null(e.Cancel(waiting, Now));
        Assert.Equal(RegistrationStatus.WaitingList, other.Status);
    }

    [Theory]
    [InlineData("a@x.vn")]
    [InlineData(" A@X.VN ")]
    public void The_same_email_is_refused_twice_per_event(string again)
    {
        var e = AnEvent(10);
        Register(e, "a@x.vn");
        var ex = Assert.Throws<DomainException>(() => Register(e, again));
        Assert.Equal("event.duplicate", ex.Code);
        Assert.Single(e.Registrations);
    }

    [Fact]
    public void After_cancelling_the_same_email_may_register_again()
    {
        var e = AnEvent(10);
        e.Cancel(Register(e, "a@x.vn"), Now);
        Assert.Equal(RegistrationStatus.Confirmed, Register(e, "a@x.vn").Status);
    }

    [Fact]
    public void The_same_email_may_register_for_another_event()
    {
        Register(AnEvent(10), "a@x.vn");
        Assert.Equal(RegistrationStatus.Confirmed, Register(AnEvent(10), "a@x.vn").Status);
    }

    [Fact]
    public void A_tax_code_with_a_wrong_check_digit_is_refused_and_a_valid_one_normalized()
    {
        var e = AnEvent(10);
        Assert.Equal(
            "event.taxcode",
            Assert.Throws<DomainException>(() => e.Register("A", "B", "1", "a@x.vn", "0100233480", Now, "t1")).Code
        );
        Assert.Equal("0314409058-002", e.Register("A", "B", "1", "a@x.vn", "0314409058 002", Now, "t2").TaxCode);
    }

    [Fact]
    public void Check_in_accepts_only_a_token_of_this_event()
    {
        var e = AnEvent(10);
        var other = AnEvent(10);
        var r = Register(e, "a@x.vn");
        var foreign = Register(other, "b@x.vn");
        Assert.Equal("checkin.unknown", Assert.Throws<DomainException>(() => e.CheckIn(foreign.Token, Now)).Code);
        Assert.Equal("checkin.unknown", Assert.Throws<DomainException>(() => e.CheckIn("forged-token", Now)).Code);
        Assert.Same(r, e.CheckIn(r.Token, Now));
        Assert.Equal(Now, r.AttendedAt);
        e.CheckIn(r.Token, Now.AddHours(1));
        Assert.Equal(Now, r.AttendedAt);
    }

    [Fact]
    public void Waiting_and_cancelled_registrations_cannot_check_in()
    {
        var e = AnEvent(1);
        var a = Register(e, "a@x.vn");
        var b = Register(e, "b@x.vn");
        Assert.Equal("checkin.waiting", Assert.Throws<DomainException>(() => e.CheckIn(b.Token, Now)).Code);
        e.Cancel(b, Now);
        Assert.Equal("checkin.cancelled", Assert.Throws<DomainException>(() => e.CheckIn(b.Token, Now)).Code);
        Assert.NotNull(e.CheckIn(a.Token, Now).AttendedAt);
    }

    [Fact]
    public void A_finished_event_takes_no_registration()
    {
        var e = AnEvent(10);
        Assert.Equal(
            "event.over",
            Assert.Throws<DomainException>(() => e.Register("A", "B", "1", "a@x.vn", null, e.EndsAt, "t")).Code
        );
    }

    [Fact]
    public void Nobody_jumps_the_waiting_list_when_capacity_is_raised()
    {
        var e = AnEvent(1);
        Register(e, "a@x.vn");
        var waiting = Register(e, "b@x.vn", 1);
        e.Capacity = 2;
        var late = Register(e, "c@x.vn", 2);
        Assert.Equal(RegistrationStatus.WaitingList, late.Status);
        Assert.Equal([waiting], e.PromoteWaiting());
        Assert.Equal(RegistrationStatus.WaitingList, late.Status);
        e.Capacity = 3;
        Assert.Equal([late], e.PromoteWaiting());
        Assert.Equal(RegistrationStatus.Confirmed, late.Status);
    }

    [Fact]
    public void A_ceremony_invitation_is_answered_once_and_accepting_respects_capacity()
    {
        var e = AnEvent(1);
        Register(e, "a@x.vn");
        var invited = e.Invite("Công ty A", "Công ty A", "ceo@a.vn", "0100233488", 7, 1, Now, "inv");
        Assert.Equal(RegistrationStatus.Invited, invited.Status);
        Assert.Equal("checkin.invited", Assert.Throws<DomainException>(() => e.CheckIn("inv", Now)).Code);
        Assert.Equal(
            "event.duplicate",
            Assert.Throws<DomainException>(() => e.Invite("B", "B", "CEO@a.vn", null, null, 2, Now, "x")).Code
        );
        e.Answer(invited, accept: true, Now);
        Assert.Equal(RegistrationStatus.WaitingList, invited.Status);
        Assert.Equal(
            "event.answered",
            Assert.Throws<DomainException>(() => e.Answer(invited, accept: false, Now)).Code
        );
    }

    [Fact]
    public void A_declined_invitation_may_still_be_accepted_before_the_event()
    {
        var e = AnEvent(0);
        var invited = e.Invite("Công ty A", "Công ty A", "ceo@a.vn", null, 7, 1, Now, "inv");
        e.Answer(invited, accept: false, Now);
        Assert.Equal(RegistrationStatus.Declined, invited.Status);
        e.Answer(invited, accept: true, Now);
        Assert.Equal(RegistrationStatus.Confirmed, invited.Status);
    }
}
