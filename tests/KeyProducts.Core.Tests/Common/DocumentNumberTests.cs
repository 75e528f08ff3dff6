using KeyProducts.Core.Common;

namespace KeyProducts.Core.Tests.Common;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("5012/QĐ-UBND", "5012", "QĐ-UBND")]
    [InlineData("Số: 1520/HD-SCT", "1520", "HD-SCT")]
    [InlineData("75/2009/QĐ-UBND", "75", "2009/QĐ-UBND")]
    [InlineData("127/SCT-QLCN", "127", "SCT-QLCN")]
    [InlineData("5/KH-UBND", "05", "KH-UBND")]
    public void Administrative_numbers_parse(string input, string number, string symbol)
    {
        Assert.True(DocumentNumber.TryParse(input, out var n));
        Assert.Equal(number, n!.Number);
        Assert.Equal(symbol, n.Symbol);
    }

    [Theory]
    [InlineData("")]
    [InlineData("QĐ-UBND")]
    [InlineData("5012")]
    [InlineData("5012/")]
    [InlineData("abc/QĐ-UBND")]
    public void Malformed_numbers_are_rejected(string input) => Assert.False(DocumentNumber.TryParse(input, out _));
}
