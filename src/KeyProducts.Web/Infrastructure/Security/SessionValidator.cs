using System.Security.Claims;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>Checks the sign-in cookie against the user's security stamp on every request: signing out, changing or
/// resetting the password and changing two-factor settings renew the stamp, so every other cookie of that user stops
/// working at once, on every app node. One primary-key lookup of two columns per authenticated request.</summary>
public static class SessionValidator
{
    private const string TwoFactorItem = "kp:two-factor-enabled";

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var claimType = services
            .GetRequiredService<IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        var id = ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = ctx.Principal?.FindFirstValue(claimType);
        var current =
            id is null || stamp is null
                ? null
                : await services
                    .GetRequiredService<AppDbContext>()
                    .Users.AsNoTracking()
                    .Where(u => u.Id == id)
                    .Select(u => new { u.SecurityStamp, u.TwoFactorEnabled })
                    .FirstOrDefaultAsync(ctx.HttpContext.RequestAborted);
        if (current is null || !string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        ctx.HttpContext.Items[TwoFactorItem] = current.TwoFactorEnabled;
        // Identity's own validator still refreshes roles and claims every 30 minutes.
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
    }

    /// <summary>Whether the signed-in user has two-factor sign-in on, as read by <see cref="ValidateAsync"/>.</summary>
    public static bool TwoFactorEnabled(HttpContext ctx) => ctx.Items[TwoFactorItem] is true;
}
