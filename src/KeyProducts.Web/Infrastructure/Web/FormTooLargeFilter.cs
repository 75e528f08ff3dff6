using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>Reads the form before antiforgery does, so a body past the form or request limit becomes a clear 413
/// ("file too large") instead of an antiforgery 400, and a malformed body (boundary missing or not matching) a 400.
/// Reading spools file parts to disk, never to memory.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormTooLargeIs413Attribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -2000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
            return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (FormErrors.IsFormReadFailure(ex))
        {
            context.Result = new StatusCodeResult(FormErrors.StatusFor(ex));
        }
    }
}
