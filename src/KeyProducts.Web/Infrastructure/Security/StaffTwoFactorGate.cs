using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>Sends officers and administrators who have not set up two-factor sign-in to the set-up page before anything
/// else (the API answers 403). Public pages, signing out and the set-up pages themselves stay open.</summary>
public sealed class StaffTwoFactorGate(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string SetupPath = "/Account/TwoFactor/Setup";

    public Task InvokeAsync(HttpContext ctx)
    {
        if (
            !options.CurrentValue.RequireTwoFactorForStaff
            || ctx.User.Identity?.IsAuthenticated != true
            || !(ctx.User.IsInRole(Roles.Officer) || ctx.User.IsInRole(Roles.Admin))
            || SessionValidator.TwoFactorEnabled(ctx)
            || IsAllowed(ctx)
        )
            return next(ctx);
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(SetupPath);
        return Task.CompletedTask;
    }

    private static bool IsAllowed(HttpContext ctx)
    {
        var path = ctx.Request.Path;
        if (
            path.StartsWithSegments("/Account/TwoFactor")
            || path.StartsWithSegments("/Account/Logout")
            || path.StartsWithSegments("/Error")
            || path.StartsWithSegments("/culture")
        )
            return true;
        // Anonymous endpoints (the public site, static files) stay reachable.
        return ctx.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
    }
}
