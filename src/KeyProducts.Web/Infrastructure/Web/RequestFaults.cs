using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>Turns two kinds of failure that are not bugs into their proper answers instead of the generic 500:
/// an unreadable request body (a multipart body whose boundary does not match its header, a missing boundary) is the
/// client's 400; an unreachable database is a 503 with Retry-After, rendered here without touching the database, and
/// the app recovers by itself when the database is back. A request its client cancelled is not an error
/// either.</summary>
public sealed class RequestFaults(RequestDelegate next, ILogger<RequestFaults> log, IStringLocalizer<SharedResource> l)
{
    public const int RetryAfterSeconds = 30;

    /// <summary>The status nginx records for a request its client closed; the client never sees it.</summary>
    public const int StatusCodeClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext ctx)
    {
        try
        {
            await next(ctx);
        }
        catch (Exception ex) when (!ctx.Response.HasStarted && FormErrors.IsFormReadFailure(ex))
        {
            log.LogInformation("Unreadable form body refused: {Reason}", ex.Message);
            ctx.Response.Clear();
            ctx.Response.StatusCode = FormErrors.StatusFor(ex); // the status-code page renders it, localized
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a navigation, a closed tab): nothing failed on the server, so no error and no 500.
            log.LogDebug("Request {Path} cancelled by the client", ctx.Request.Path);
            if (!ctx.Response.HasStarted)
                ctx.Response.StatusCode = StatusCodeClientClosedRequest;
        }
        catch (Exception ex) when (!ctx.Response.HasStarted && DbErrors.IsUnavailable(ex))
        {
            log.LogError("Database unavailable: {Reason}", ex.Message);
            await DatabaseUnavailableAsync(ctx);
        }
    }

    private async Task DatabaseUnavailableAsync(HttpContext ctx)
    {
        ctx.Response.Clear();
        ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ctx.Response.Headers.CacheControl = "no-store";
        // The status-code page would run the pipeline again (sign-in cookie validation reads the database): answer
        // here.
        ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        var title = l["Hệ thống tạm thời gián đoạn"].Value;
        var message = l[
            "Cơ sở dữ liệu tạm thời không truy cập được. Dữ liệu đã lưu không bị mất. Vui lòng thử lại sau {0} giây.",
            RetryAfterSeconds
        ].Value;
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: 503, title: title, detail: message).ExecuteAsync(ctx);
            return;
        }
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var e = System.Text.Encodings.Web.HtmlEncoder.Default;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{e.Encode(
                lang
            )}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{e.Encode(title)}</title><link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"></head>
            <body><main class="container py-5" data-testid="unavailable"><h1 class="h3">{e.Encode(
                title
            )}</h1><p>{e.Encode(message)}</p>
            <p><a href="{e.Encode(ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString)}">{e.Encode(
                l["Thử lại"].Value
            )}</a></p></main></body></html>
            """
        );
    }
}

/// <summary>Classifies failures to read a form body. ASP.NET Core reports them as exceptions from its form and
/// multipart
/// readers: limits exceeded (413), anything else malformed (400).</summary>
public static class FormErrors
{
    public static bool IsFormReadFailure(Exception ex) =>
        ex is BadHttpRequestException
        || ex is InvalidDataException or IOException
            && ex.StackTrace is { } trace
            && (
                trace.Contains("Microsoft.AspNetCore.WebUtilities.", StringComparison.Ordinal)
                || trace.Contains("Microsoft.AspNetCore.Http.Features.FormFeature", StringComparison.Ordinal)
            );

    public static int StatusFor(Exception ex) =>
        ex switch
        {
            BadHttpRequestException b => b.StatusCode,
            // "Multipart body length limit 123 exceeded.", "Form value count limit 1024 exceeded.", "Multipart header
            // length limit …"
            InvalidDataException when ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
}
