namespace KeyProducts.Core.Common;

/// <summary>Deadlines and display use Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        }
    }

    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow()).DateTime);

    /// <summary>The UTC instant at which a local calendar date ends (23:59:59.999… in Hanoi).</summary>
    public static DateTimeOffset EndOfDayUtc(DateOnly date)
    {
        var localMidnightNext = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(localMidnightNext, Zone.GetUtcOffset(localMidnightNext))
            .ToUniversalTime()
            .AddTicks(-1);
    }

    public static DateTimeOffset StartOfDayUtc(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
