using System.Diagnostics.CodeAnalysis;

namespace KeyProducts.Core.Common;

/// <summary>Vietnamese tax code (mã số thuế): 10 digits, or 13 for a dependent unit written "0314409058-002".</summary>
public readonly record struct TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public string Value { get; }

    private TaxCode(string value) => Value = value;

    public bool IsDependentUnit => Value.Length == 14;

    /// <summary>The 10-digit code of the parent enterprise.</summary>
    public string ParentCode => Value[..10];

    public override string ToString() => Value;

    public static TaxCode Parse(string input) =>
        TryParse(input, out var code, out var error) ? code : throw new FormatException(error.ToString());

    public static bool TryParse(string? input, out TaxCode code) => TryParse(input, out code, out _);

    public static bool TryParse(string? input, out TaxCode code, out TaxCodeError error)
    {
        code = default;
        var digits = Normalize(input);
        if (digits.Length == 0)
        {
            error = TaxCodeError.Empty;
            return false;
        }
        if (!digits.All(char.IsAsciiDigit))
        {
            error = TaxCodeError.NotDigits;
            return false;
        }
        if (digits.Length != 10 && digits.Length != 13)
        {
            error = TaxCodeError.WrongLength;
            return false;
        }
        if (digits[2..9].All(c => c == '0'))
        {
            error = TaxCodeError.BadCheckDigit;
            return false;
        }
        if (!HasValidCheckDigit(digits))
        {
            error = TaxCodeError.BadCheckDigit;
            return false;
        }
        if (digits.Length == 13 && digits[10..] == "000")
        {
            error = TaxCodeError.BadBranchNumber;
            return false;
        }
        code = new TaxCode(digits.Length == 10 ? digits : $"{digits[..10]}-{digits[10..]}");
        error = TaxCodeError.None;
        return true;
    }

    /// <summary>Removes spaces, dots and dashes; anything else is kept so that validation can reject it.</summary>
    public static string Normalize(string? input) =>
        input is null
            ? ""
            : new string(input.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-' && c != '–').ToArray());

    private static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (digits[i] - '0') * Weights[i];
        var check = 10 - sum % 11;
        // A sum divisible by 11 gives 10, which no single digit matches: such a code is never valid.
        return check <= 9 && digits[9] - '0' == check;
    }

    public static bool IsValid([NotNullWhen(true)] string? input) => TryParse(input, out _);
}

public enum TaxCodeError
{
    None,
    Empty,
    NotDigits,
    WrongLength,
    BadCheckDigit,
    BadBranchNumber,
}
