using System.Globalization;
using System.Text;
using QRCoder;

namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>The authenticator-app link (otpauth URI) for a shared key, and its QR code drawn as inline SVG on the
/// server: no script, no external service sees the key.</summary>
public static class AuthenticatorQr
{
    public const string Issuer = "SPCNCL Hà Nội";

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}"
        + $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The key in groups of four, easier to type by hand.</summary>
    public static string Readable(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }

    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < n; y++)
        for (var x = 0; x < n; x++)
            if (matrix[y][x])
                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        var title = System.Net.WebUtility.HtmlEncode(label);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"220\" height=\"220\" "
            + $"role=\"img\" "
            + $"aria-label=\"{title}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" "
            + $"fill=\"#fff\"/>"
            + $"<path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
