namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>Strict headers on every response: no inline script or style is allowed anywhere.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            // Scalar's API reference page needs its own inline bootstrap script.
            if (!context.Request.Path.StartsWithSegments("/scalar"))
                h.ContentSecurityPolicy = Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
            // Private answers (anything behind sign-in) must not stay in a browser or proxy cache after signing out.
            if (
                !h.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl)
                && context.GetEndpoint() is { } endpoint
                && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
            )
                h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
