using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Infrastructure.Security;

/// <summary>A state-changing /api/v1 call authenticated by the sign-in cookie must carry the antiforgery token in the
/// X-CSRF-TOKEN header (GET /api/v1/antiforgery gives it), so another site cannot make a signed-in browser call
/// it.</summary>
public sealed class CookieApiAntiforgery(IAntiforgery antiforgery, IStringLocalizer<SharedResource> l) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe =
            HttpMethods.IsGet(method)
            || HttpMethods.IsHead(method)
            || HttpMethods.IsOptions(method)
            || HttpMethods.IsTrace(method);
        if (
            !safe
            && http.User.Identity?.IsAuthenticated == true
            && http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null
            && !await antiforgery.IsRequestValidAsync(http)
        )
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: l["Yêu cầu không hợp lệ"],
                detail: l["Thiếu hoặc sai mã chống giả mạo (tiêu đề X-CSRF-TOKEN). Lấy mã tại /api/v1/antiforgery."]
            );
        }
        return await next(context);
    }

    /// <summary>GET /api/v1/antiforgery: the token to send in the header, for the signed-in caller.</summary>
    public static void MapTokenEndpoint(RouteGroupBuilder api) =>
        api.MapGet("/antiforgery", (HttpContext ctx, IAntiforgery af) =>
            {
                var tokens = af.GetAndStoreTokens(ctx);
                return Results.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
            })
            .WithSummary(
                "The antiforgery token a cookie-authenticated client sends in X-CSRF-TOKEN on POST, PUT and DELETE."
            );
}
