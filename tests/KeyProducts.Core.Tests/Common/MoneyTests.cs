using KeyProducts.Core.Common;

namespace KeyProducts.Core.Tests.Common;

public class MoneyTests
{
    [Theory]
    [InlineData("100.000.000.000", 100_000_000_000L)]
    [InlineData("100 000 000 000", 100_000_000_000L)]
    [InlineData("100000000000", 100_000_000_000L)]
    [InlineData("10.000.000.000 đ", 10_000_000_000L)]
    [InlineData("0", 0L)]
    public void Vietnamese_amounts_parse(string input, long expected)
    {
        Assert.True(Money.TryParseVnd(input, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1,5")]
    [InlineData("10.5")]
    [InlineData("1.00")]
    [InlineData("99999999999999999999")]
    public void Nonsense_amounts_are_rejected(string input) => Assert.False(Money.TryParseVnd(input, out _));

    [Theory]
    [InlineData("1.000.000", 100_000_000L)]
    [InlineData("1.250.000,50", 125_000_050L)]
    [InlineData("1250000.5", 125_000_050L)]
    public void Usd_amounts_parse_to_cents(string input, long cents)
    {
        Assert.True(Money.TryParseUsdCents(input, out var v));
        Assert.Equal(cents, v);
    }

    [Fact]
    public void Formats_follow_vi_VN()
    {
        Assert.Equal("1.234.567", VnFormat.Vnd(1_234_567));
        Assert.Equal("1.000.000", VnFormat.Usd(100_000_000));
        Assert.Equal("26/11/2021", VnFormat.Date(new DateOnly(2021, 11, 26)));
        Assert.Equal("ngày 26 tháng 11 năm 2021", VnFormat.LongDate(new DateOnly(2021, 11, 26)));
        Assert.Equal("72,5", VnFormat.Points(7250));
    }
}
