using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;

namespace KeyProducts.Core.Tests.Enterprises;

public class EnterpriseTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rejected_profile_goes_back_to_pending_when_resubmitted_and_can_then_be_verified()
    {
        var e = new Enterprise();
        e.Reject("Thiếu địa chỉ nhà xưởng");
        Assert.Equal(EnterpriseStatus.Rejected, e.Status);
        Assert.Equal("Thiếu địa chỉ nhà xưởng", e.RejectionReason);
        e.Resubmit();
        Assert.Equal(EnterpriseStatus.Pending, e.Status);
        e.Verify(Now);
        Assert.Equal(EnterpriseStatus.Verified, e.Status);
        Assert.Null(e.RejectionReason);
        Assert.Equal(Now, e.VerifiedAt);
    }

    [Fact]
    public void Rejecting_without_a_reason_is_refused() =>
        Assert.Throws<DomainException>(() => new Enterprise().Reject("  "));

    [Fact]
    public void A_verified_profile_cannot_be_verified_or_resubmitted_again()
    {
        var e = new Enterprise();
        e.Verify(Now);
        Assert.Throws<DomainException>(() => e.Verify(Now));
        Assert.Throws<DomainException>(e.Resubmit);
    }
}
