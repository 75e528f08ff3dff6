using KeyProducts.Core.Common;

namespace KeyProducts.Core.Tests.Common;

public class TaxCodeTests
{
    [Theory]
    [InlineData("0100233488", "0100233488")]
    [InlineData("0314409058", "0314409058")]
    [InlineData("0100112437", "0100112437")]
    [InlineData("0312687878", "0312687878")]
    [InlineData("0314409058-002", "0314409058-002")]
    [InlineData("0314409058002", "0314409058-002")]
    [InlineData(" 0100.233.488 ", "0100233488")]
    [InlineData("0314 409 058 – 002", "0314409058-002")]
    public void Valid_codes_are_accepted_and_normalised(string input, string expected)
    {
        Assert.True(TaxCode.TryParse(input, out var code, out var error));
        Assert.Equal(TaxCodeError.None, error);
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData("0100233480", TaxCodeError.BadCheckDigit)]
    [InlineData("0314409058-000", TaxCodeError.BadBranchNumber)]
    [InlineData("0314409059", TaxCodeError.BadCheckDigit)]
    [InlineData("031440905", TaxCodeError.WrongLength)]
    [InlineData("031440905800", TaxCodeError.WrongLength)]
    [InlineData("03144O9058", TaxCodeError.NotDigits)]
    [InlineData("", TaxCodeError.Empty)]
    [InlineData("0100000000", TaxCodeError.BadCheckDigit)]
    public void Invalid_codes_are_refused_with_the_reason(string input, TaxCodeError expected)
    {
        Assert.False(TaxCode.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_dependent_unit_knows_its_parent()
    {
        var code = TaxCode.Parse("0314409058-002");
        Assert.True(code.IsDependentUnit);
        Assert.Equal("0314409058", code.ParentCode);
    }
}
