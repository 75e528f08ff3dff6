using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Support;

/// <summary>Create or edit a program's yearly call (dates, documents asked) and publish it on the public
/// site.</summary>
public class CallModel(
    AppDbContext db,
    SaveSupportCall save,
    PublishSupportCall publish,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class CallInput
    {
        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int Year { get; set; }

        [Required(ErrorMessage = "Cần nhập tên đợt kêu gọi."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        public string? Title { get; set; }
        public DateOnly OpensOn { get; set; }
        public DateOnly ClosesOn { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        public string? DocumentsAsked { get; set; }
        public int Version { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int ProgramId { get; set; }

    [BindProperty]
    public CallInput Input { get; set; } = new();

    public SupportProgram? Program { get; private set; }
    public SupportCall? Call { get; private set; }
    public int Applications { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var today = VietnamTime.Today(time);
        Input = Call is { } c
            ? new CallInput
            {
                Year = c.Year,
                Title = c.Title,
                OpensOn = c.OpensOn,
                ClosesOn = c.ClosesOn,
                DocumentsAsked = c.DocumentsAsked,
                Version = c.Version,
            }
            : new CallInput
            {
                Year = Math.Clamp(today.Year, Program!.StartYear, Program.EndYear),
                OpensOn = today,
                ClosesOn = today.AddDays(60),
                Title = $"Kêu gọi đề nghị hỗ trợ: {Program.Name}",
                DocumentsAsked =
                    "Đơn đề nghị hỗ trợ\nHợp đồng hoặc báo giá của các hạng mục\n"
                    + "Giấy chứng nhận đăng ký doanh nghiệp",
            };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await FailAsync(id, 400, ct);
        return await RunAsync(
            id,
            async () =>
                (
                    await save.ExecuteAsync(
                        ProgramId,
                        id,
                        Input.Version,
                        new SupportCallFields(
                            Input.Year,
                            Input.Title ?? "",
                            Input.OpensOn,
                            Input.ClosesOn,
                            Input.DocumentsAsked ?? ""
                        ),
                        ct
                    )
                ).Id,
            ct
        );
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        return await RunAsync(
            id,
            async () =>
            {
                await publish.ExecuteAsync(id, ct);
                return id;
            },
            ct
        );
    }

    private async Task<IActionResult> RunAsync(int? id, Func<Task<int>> action, CancellationToken ct)
    {
        if (!await db.SupportPrograms.AnyAsync(p => p.Id == ProgramId, ct))
            return NotFound();
        if (id is { } cid && !await db.SupportCalls.AnyAsync(c => c.Id == cid && c.ProgramId == ProgramId, ct))
            return NotFound();
        try
        {
            var callId = await action();
            TempData["Saved"] = true;
            return RedirectToPage("Call", new { id = callId, programId = ProgramId });
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Đợt kêu gọi vừa được người khác thay đổi. Vui lòng tải lại trang."]);
            return await FailAsync(id, 409, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(
                ex.Code is "Title" or "Year" or "ClosesOn" ? "Input." + ex.Code : "",
                ex.Localized(l)
            );
            return await FailAsync(id, 400, ct);
        }
    }

    private async Task<IActionResult> FailAsync(int? id, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Request.Query["handler"] == "Publish" && Call is { } c)
            Input = new CallInput
            {
                Year = c.Year,
                Title = c.Title,
                OpensOn = c.OpensOn,
                ClosesOn = c.ClosesOn,
                DocumentsAsked = c.DocumentsAsked,
                Version = c.Version,
            };
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        Program = await db.SupportPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == ProgramId, ct);
        if (Program is null)
            return false;
        if (id is not { } cid)
            return true;
        Call = await db
            .SupportCalls.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == cid && c.ProgramId == ProgramId, ct);
        Applications = await db.SupportApplications.CountAsync(a => a.CallId == cid, ct);
        return Call is not null;
    }
}
