using KeyProducts.Core.Recognition;

namespace KeyProducts.Core.Tests.Recognition;

public sealed class RecognitionRulesTests
{
    [Theory]
    [InlineData("2026-12-02", 36, "2029-12-01")] // "đến hết ngày 01/12/2029", not 02/12/2029
    [InlineData("2021-11-26", 36, "2024-11-25")]
    [InlineData("2024-02-29", 12, "2025-02-27")] // 28/02/2025 is the anniversary; valid until the day before
    [InlineData("2026-01-31", 1, "2026-02-27")]
    [InlineData("2026-03-01", 24, "2028-02-29")]
    public void A_recognition_ends_the_day_before_its_anniversary(string from, int months, string until) =>
        Assert.Equal(
            DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
            KeyProducts.Core.Recognition.Recognition.ValidUntil(
                DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
                months
            )
        );

    [Fact]
    public void Receipt_codes_and_certificate_serials_cannot_be_mistaken_for_one_another()
    {
        var receipt = DocumentCodes.Receipt(2026, 5);
        var standard = DocumentCodes.Serial(CertificateKind.Standard, 2026, 5);
        var top10 = DocumentCodes.Serial(CertificateKind.Top10, 2026, 5);
        Assert.Equal("SPCNCL-2026-0005", receipt);
        Assert.Equal("GCN-2026-0005", standard);
        Assert.Equal("TOP10-2026-0005", top10);
        Assert.True(DocumentCodes.LooksLikeReceipt(receipt));
        Assert.True(DocumentCodes.LooksLikeReceipt(" spcncl-2026-0005 "));
        Assert.False(DocumentCodes.LooksLikeReceipt(standard));
        Assert.False(DocumentCodes.LooksLikeReceipt(top10));
        Assert.False(DocumentCodes.LooksLikeReceipt("SPCNCL-2026-"));
        Assert.False(DocumentCodes.LooksLikeReceipt(null));
        Assert.StartsWith(
            DocumentCodes.SerialPrefix(CertificateKind.Standard, 2026),
            standard,
            StringComparison.Ordinal
        );
    }
}
