using KeyProducts.Core.Common;

namespace KeyProducts.Core.Tests.Common;

public class VietnamTimeTests
{
    [Fact]
    public void A_deadline_day_ends_at_midnight_in_Hanoi()
    {
        var end = VietnamTime.EndOfDayUtc(new DateOnly(2026, 8, 31));
        Assert.Equal(new DateTimeOffset(2026, 8, 31, 16, 59, 59, TimeSpan.Zero), end.AddTicks(1).AddSeconds(-1));
        Assert.True(end < new DateTimeOffset(2026, 8, 31, 17, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Today_is_the_local_date_in_Hanoi()
    {
        // 01:30 on the 28th in Hanoi
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 18, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 28), VietnamTime.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
