using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>One limit: so many requests per window from one client.</summary>
public sealed class RateRule
{
    public int PermitLimit { get; set; } = 10;
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The "RateLimits" section: a limit per abuse-prone action, counted per client address.</summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    public RateRule SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };
    public RateRule Register { get; set; } = new() { PermitLimit = 5, WindowSeconds = 3600 };
    public RateRule PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };
    public RateRule Comments { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };
    public RateRule Verify { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
    public RateRule Search { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };
    public RateRule Lookup { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };
}

/// <summary>ASP.NET Core's rate limiter on sign-in, registration, password reset, public comments, certificate
/// verification, the dossier status lookup and the public search API. Limits count per client address (after the
/// forwarded headers), so no one can
/// lock someone else's account by guessing; a refused request gets 429 with Retry-After, and the status-code pages
/// render the localized page (ProblemDetails under /api).</summary>
public static class RateLimits
{
    public static IServiceCollection AddAppRateLimits(this IServiceCollection services, IConfiguration cfg)
    {
        services.Configure<RateLimitOptions>(cfg.GetSection("RateLimits"));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                var options = ctx.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
                var (name, rule) = options.Enabled ? RuleFor(ctx.Request, options) : (null, null);
                if (name is null || rule is null)
                    return RateLimitPartition.GetNoLimiter("none");
                var client = ctx.Connection.RemoteIpAddress is { } ip ? ClientKey(ip) : "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(
                    $"{name}|{client}",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, rule.PermitLimit),
                        Window = TimeSpan.FromSeconds(Math.Max(1, rule.WindowSeconds)),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }
                );
            });
            o.OnRejected = (ctx, _) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? after
                    : TimeSpan.FromSeconds(60);
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds))
                    .ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>The limit that applies to a request, if any. Reading pages is free; sending forms is limited.</summary>
    public static (string? Name, RateRule? Rule) RuleFor(HttpRequest request, RateLimitOptions o)
    {
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        if (
            post
            && (
                path.StartsWithSegments("/Account/Login")
                || path.StartsWithSegments("/Account/LoginWith2fa")
                || path.StartsWithSegments("/Account/LoginWithRecoveryCode")
            )
        )
            return ("sign-in", o.SignIn);
        if (post && path.StartsWithSegments("/Account/Register"))
            return ("register", o.Register);
        if (
            post
            && (path.StartsWithSegments("/Account/ForgotPassword") || path.StartsWithSegments("/Account/ResetPassword"))
        )
            return ("password-reset", o.PasswordReset);
        if (post && path.StartsWithSegments("/Public/Comments"))
            return ("comments", o.Comments);
        if (path.StartsWithSegments("/Public/Verify") || path.StartsWithSegments("/api/v1/certificates"))
            return ("verify", o.Verify);
        if (path.StartsWithSegments("/api/v1/products"))
            return ("search", o.Search);
        // The dossier status lookup answers to a code and a tax code: limited like sign-in, so neither can be guessed.
        if (post && path.StartsWithSegments("/Public/Status"))
            return ("lookup", o.Lookup);
        return (null, null);
    }

    /// <summary>An IPv6 client usually holds a whole /64, so it is counted as one.</summary>
    private static string ClientKey(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
