using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KeyProducts.Web.Features.Certificates;

public sealed class SigningOptions
{
    /// <summary>PEM file with the program's ECDSA P-256 private key. Never in the repository.</summary>
    public string KeyFile { get; set; } = "../../data/keys/signing-key.pem";
}

/// <summary>Signs recognition statements as compact JWS (ES256) and publishes the public key as a JWK set.
/// The key is read from Signing:KeyFile; in Development a missing key is generated, elsewhere startup fails.</summary>
public sealed class CertificateSigner : IDisposable
{
    private readonly ECDsa _key;

    public CertificateSigner(string pemPath, bool mayGenerate)
    {
        _key = ECDsa.Create();
        if (File.Exists(pemPath))
        {
            _key.ImportFromPem(File.ReadAllText(pemPath));
            if (_key.KeySize != 256)
                throw new InvalidOperationException("Signing:KeyFile must hold an ECDSA P-256 key.");
        }
        else if (mayGenerate)
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pemPath))!);
            File.WriteAllText(pemPath, _key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(pemPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        else
        {
            throw new InvalidOperationException(
                $"Signing key not found at '{pemPath}'. Configure Signing:KeyFile with an ECDSA P-256 PEM key."
            );
        }
        var p = _key.ExportParameters(false);
        X = Base64Url(p.Q.X!);
        Y = Base64Url(p.Q.Y!);
        KeyId = Base64Url(
            SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{X}}","y":"{{Y}}"}"""))
        );
    }

    public string KeyId { get; }
    public string X { get; }
    public string Y { get; }

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public JsonObject Jwks() =>
        new()
        {
            ["keys"] = new JsonArray(
                new JsonObject
                {
                    ["kty"] = "EC",
                    ["crv"] = "P-256",
                    ["x"] = X,
                    ["y"] = Y,
                    ["kid"] = KeyId,
                    ["use"] = "sig",
                    ["alg"] = "ES256",
                }
            ),
        };

    // Vietnamese letters stay raw UTF-8 (not \uXXXX escapes): a shorter payload makes a QR code easier to scan.
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Sign(JsonObject claims)
    {
        var header = Base64Url(
            Encoding.UTF8.GetBytes(
                new JsonObject
                {
                    ["alg"] = "ES256",
                    ["kid"] = KeyId,
                    ["typ"] = "JOSE",
                }.ToJsonString(Compact)
            )
        );
        var body = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString(Compact)));
        var input = Encoding.ASCII.GetBytes(header + "." + body);
        return header
            + "."
            + body
            + "."
            + Base64Url(
                _key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            );
    }

    /// <summary>The claims when the signature is ours and intact; null for anything else (never throws on bad
    /// input).</summary>
    public JsonObject? Verify(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Length > 4000))
            return null;
        try
        {
            var header = JsonNode.Parse(FromBase64Url(parts[0])) as JsonObject;
            if (header?["alg"]?.GetValue<string>() != "ES256")
                return null;
            var input = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (
                !_key.VerifyData(
                    input,
                    FromBase64Url(parts[2]),
                    HashAlgorithmName.SHA256,
                    DSASignatureFormat.IeeeP1363FixedFieldConcatenation
                )
            )
                return null;
            return JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
        }
        catch (Exception e)
            when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '='));
    }

    public void Dispose() => _key.Dispose();
}
