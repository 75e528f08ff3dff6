using System.IO.Compression;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>The offline list of a million common passwords shipped with the app (see common-passwords.md).</summary>
public static class CommonPasswords
{
    public const int MinimumLength = 12;
    private const string Resource = "KeyProducts.Web.common-passwords.txt.gz";

    // Loaded once per process; only entries a new password could equal (long enough) are kept, about 44,000.
    private static readonly Lazy<HashSet<string>> Set = new(Load);

    private static int _shipped;

    /// <summary>Entries in the shipped list, of all lengths.</summary>
    public static int ShippedCount => Set.Value is not null ? _shipped : 0;

    /// <summary>Whether a password of at least the minimum length is in the list (ignoring case).</summary>
    public static bool Contains(string password) =>
        password.Length >= MinimumLength && Set.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Resource {Resource} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            count++;
            if (line.Length >= MinimumLength)
                set.Add(line.ToLowerInvariant());
        }
        _shipped = count;
        return set;
    }
}

/// <summary>Refuses new passwords that are in the common-password list (length is Identity's own rule).</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(
        UserManager<ApplicationUser> manager,
        ApplicationUser user,
        string? password
    ) =>
        Task.FromResult(
            password is not null && CommonPasswords.Contains(password)
                ? IdentityResult.Failed(
                    new IdentityError
                    {
                        Code = "PasswordTooCommon",
                        Description = l["Mật khẩu này quá phổ biến và dễ bị đoán. Vui lòng chọn mật khẩu khác."],
                    }
                )
                : IdentityResult.Success
        );
}
