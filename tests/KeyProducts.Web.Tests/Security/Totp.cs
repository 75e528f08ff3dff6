using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace KeyProducts.Web.Tests.Security;

/// <summary>RFC 6238 codes (HMAC-SHA1, 30 s, 6 digits), computed the way an authenticator app does.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    public static string Now(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0,
            bits = 0;
        foreach (var ch in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(ch, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8)
                continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }

    [Fact]
    public static void Matches_the_rfc_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890" at 59 s: 94287082 (8 digits), so 287082 with 6.
        Assert.Equal("287082", Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
    }
}
