using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>Failed sign-ins are counted per client and account: after too many, that client is refused for that account
/// for a while, while the owner signing in from elsewhere is not affected (an account-wide lockout would let anyone
/// lock
/// a known account at will). Guessing across accounts is held back by the per-client rate limit. The count lives in
/// each app node's memory.</summary>
public sealed class SignInThrottle(IMemoryCache cache, IOptionsMonitor<SecurityOptions> options)
{
    private sealed class Counter
    {
        public int Failures;
    }

    private static string Key(HttpContext ctx, string email) =>
        $"sign-in-failures|{ctx.Connection.RemoteIpAddress}|{email.Trim().ToUpperInvariant()}";

    public bool IsBlocked(HttpContext ctx, string email) =>
        cache.TryGetValue<Counter>(Key(ctx, email), out var c)
        && c!.Failures >= options.CurrentValue.FailuresBeforeClientLockout;

    public void Failed(HttpContext ctx, string email)
    {
        var key = Key(ctx, email);
        var counter = cache.GetOrCreate(key, e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(options.CurrentValue.ClientLockoutMinutes);
            return new Counter();
        })!;
        Interlocked.Increment(ref counter.Failures);
    }

    public void Succeeded(HttpContext ctx, string email) => cache.Remove(Key(ctx, email));

    /// <summary>Hashes the password against a throw-away hash, so an unknown e-mail costs as long as a wrong
    /// password.</summary>
    public static void SpendHashTime(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var dummy = new ApplicationUser();
        hasher.VerifyHashedPassword(
            dummy,
            _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString()),
            password
        );
    }

    private static string? _dummyHash;
}
