using KeyProducts.Core.Common;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages;

/// <summary>Every error the user can meet, localized and without technical detail. API paths get
/// ProblemDetails.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? RequestId { get; private set; }

    public IActionResult OnGet(int? code) => Render(code);

    public IActionResult OnPost() => Render(null);

    public IActionResult OnPut() => Render(null);

    public IActionResult OnDelete() => Render(null);

    private IActionResult Render(int? code)
    {
        // Re-executed POSTs take the code from the query only: model binding would read a form that may be unreadable
        // (too large).
        if (code is null && int.TryParse(Request.Query["code"], out var fromQuery))
            code = fromQuery;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var reexecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Status = exception is null
            ? code is >= 400 and < 600
                ? code.Value
                : 404
            : StatusFor(exception);
        (Heading, Message) = Describe(Status, exception);
        if (Status >= 500)
            RequestId = HttpContext.TraceIdentifier;
        Response.StatusCode = Status;

        var originalPath = reexecute?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? "";
        if (originalPath.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
            return new ObjectResult(
                new ProblemDetails
                {
                    Status = Status,
                    Title = Heading,
                    Detail = Message,
                }
            )
            {
                StatusCode = Status,
                ContentTypes = { "application/problem+json" },
            };
        return Page();
    }

    private static int StatusFor(Exception ex) =>
        ex switch
        {
            DomainException => 400,
            DbUpdateConcurrencyException => 409,
            FileTooLargeException => 413,
            BadHttpRequestException b => b.StatusCode,
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => 400,
            InvalidDataException => 400,
            OperationCanceledException => 400,
            _ => 500,
        };

    private (string, string) Describe(int status, Exception? ex) =>
        status switch
        {
            400 when ex is DomainException d => (l["Yêu cầu không hợp lệ"], d.Localized(l)),
            400 => (
                l["Yêu cầu không hợp lệ"],
                l["Yêu cầu không hợp lệ hoặc phiên làm việc đã hết hạn. Vui lòng tải lại trang và thử lại."]
            ),
            401 => (l["Cần đăng nhập"], l["Vui lòng đăng nhập để tiếp tục."]),
            403 => (l["Không có quyền truy cập"], l["Tài khoản của bạn không có quyền xem trang này."]),
            404 => (l["Không tìm thấy trang"], l["Trang hoặc dữ liệu bạn tìm không tồn tại hoặc đã được chuyển đi."]),
            405 => (l["Thao tác không được hỗ trợ"], l["Thao tác này không được hỗ trợ trên trang này."]),
            409 => (
                l["Dữ liệu đã thay đổi"],
                l["Dữ liệu vừa được người khác cập nhật. Vui lòng tải lại trang để xem bản mới nhất."]
            ),
            413 => (l["Tệp quá lớn"], l["Tệp tải lên vượt quá dung lượng cho phép."]),
            415 => (l["Định dạng không được hỗ trợ"], l["Định dạng dữ liệu gửi lên không được hỗ trợ."]),
            503 => (
                l["Hệ thống tạm thời gián đoạn"],
                l[
                    "Cơ sở dữ liệu tạm thời không truy cập được. Dữ liệu đã lưu không bị mất. Vui lòng thử lại sau "
                        + "{0} giây.",
                    Infrastructure.Web.RequestFaults.RetryAfterSeconds
                ]
            ),
            429 => (l["Quá nhiều yêu cầu"], l["Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."]),
            _ when status >= 500 => (
                l["Đã có lỗi xảy ra"],
                l["Hệ thống gặp sự cố khi xử lý yêu cầu. Dữ liệu bạn đã lưu không bị mất. Vui lòng thử lại sau."]
            ),
            _ => (l["Yêu cầu không hợp lệ"], l["Yêu cầu không thể xử lý."]),
        };
}
