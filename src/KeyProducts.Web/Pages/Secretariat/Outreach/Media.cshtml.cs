using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>The media log: articles and broadcasts about the program (outlet, date, title, link), optionally tied to an
/// event.</summary>
public class MediaModel(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class EntryInput
    {
        [Required(ErrorMessage = "Cần nêu cơ quan báo chí."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")]
        public string? Outlet { get; set; }

        [Required(ErrorMessage = "Cần nhập ngày đăng.")]
        public DateOnly? PublishedOn { get; set; }

        [Required(ErrorMessage = "Cần nhập tiêu đề."), StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")]
        public string? Title { get; set; }

        [StringLength(1000, ErrorMessage = "Tối đa 1000 ký tự.")]
        public string? Url { get; set; }
        public int? EventId { get; set; }
    }

    public sealed record Row(MediaLogEntry Entry, string? EventTitle);

    [BindProperty]
    public EntryInput Input { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.PublishedOn = VietnamTime.Today(time);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var url = (Input.Url ?? "").Trim();
        if (
            url.Length > 0
            && !(
                Uri.TryCreate(url, UriKind.Absolute, out var u)
                && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
            )
        )
            ModelState.AddModelError("Input.Url", l["Đường dẫn phải bắt đầu bằng http:// hoặc https://."]);
        if (Input.PublishedOn is { } d && d > VietnamTime.Today(time))
            ModelState.AddModelError("Input.PublishedOn", l["Ngày đăng không được sau hôm nay."]);
        if (Input.EventId is { } eid && !await db.OutreachEvents.AnyAsync(e => e.Id == eid, ct))
            ModelState.AddModelError("Input.EventId", l["Không tìm thấy sự kiện."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = 400;
            return Page();
        }
        db.MediaLog.Add(
            new MediaLogEntry
            {
                Outlet = Input.Outlet!.Trim(),
                PublishedOn = Input.PublishedOn!.Value,
                Title = Input.Title!.Trim(),
                Url = url,
                EventId = Input.EventId,
                RecordedAt = time.GetUtcNow(),
            }
        );
        await db.SaveChangesAsync(ct);
        TempData["Saved"] = true;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = (
            await (
                from m in db.MediaLog.AsNoTracking()
                join e in db.OutreachEvents on m.EventId equals e.Id into es
                from e in es.DefaultIfEmpty()
                orderby m.PublishedOn descending, m.Id descending
                select new { m, Title = e == null ? null : e.Title }
            )
                .Take(500)
                .ToListAsync(ct)
        ).Select(x => new Row(x.m, x.Title)).ToList();
        Events = (
            await db
                .OutreachEvents.AsNoTracking()
                .OrderByDescending(e => e.StartsAt)
                .Select(e => new { e.Id, e.Title })
                .Take(200)
                .ToListAsync(ct)
        )
            .Select(e => (e.Id, e.Title))
            .ToList();
    }
}
