using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;

namespace KeyProducts.Web.Infrastructure.Web;

public static class WebExtensions
{
    /// <summary>One line per request: errors (an exception, a 5xx) at Error, refusals and other 4xx at Information,
    /// health probes at Verbose, and answered requests at <c>RequestLog:SuccessLevel</c> (Debug unless set). Below the
    /// minimum level (Information by default) a request costs no log work at all: a cached page answered thousands of
    /// times a second is not written thousands of times a second. <c>RequestLog:SuccessLevel=Information</c> logs
    /// every request.</summary>
    public static IApplicationBuilder UseSerilogRequestLoggingSafe(this IApplicationBuilder app)
    {
        var success = Enum.TryParse<Serilog.Events.LogEventLevel>(
            app.ApplicationServices.GetRequiredService<IConfiguration>()["RequestLog:SuccessLevel"],
            ignoreCase: true,
            out var level
        )
            ? level
            : Serilog.Events.LogEventLevel.Debug;
        return app.UseSerilogRequestLogging(o =>
        {
            // The host's own logger, not the static Log.Logger that the last host built in the process overwrites
            // (integration tests run several hosts at once and each must see only its own request errors).
            o.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            o.GetLevel = (ctx, _, ex) =>
                // a rule refusal, answered 400
                ex is Core.Common.DomainException
                    ? Serilog.Events.LogEventLevel.Information
                : ex is not null || ctx.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : ctx.Request.Path.StartsWithSegments("/healthz") || ctx.Request.Path.StartsWithSegments("/health")
                    ? Serilog.Events.LogEventLevel.Verbose
                : ctx.Response.StatusCode >= 400 ? Serilog.Events.LogEventLevel.Information
                : success;
        });
    }

    /// <summary>POST /culture sets the UI language cookie and returns to a local URL.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost(
                "/culture",
                (
                    HttpContext ctx,
                    [Microsoft.AspNetCore.Mvc.FromForm] string? lang,
                    [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl
                ) =>
                {
                    var ui = UiCultureProvider.Normalize(lang);
                    if (ui is null)
                        return Results.Problem(
                            statusCode: 400,
                            title: "Ngôn ngữ không được hỗ trợ / Unsupported language"
                        );
                    ctx.Response.Cookies.Append(
                        AppCultures.CookieName,
                        ui,
                        new CookieOptions
                        {
                            Expires = DateTimeOffset.UtcNow.AddYears(1),
                            IsEssential = true,
                            HttpOnly = true,
                            SameSite = SameSiteMode.Lax,
                        }
                    );
                    return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
                }
            )
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    /// <summary>A path on this site. Control characters (a tab or a newline) are refused as LocalRedirect refuses them:
    /// browsers drop them, so "/\t/evil.example" would leave the site.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}

public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("database unreachable");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending} migrations not applied");
        }
        catch (Exception ex)
            when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("database error");
        }
    }
}
