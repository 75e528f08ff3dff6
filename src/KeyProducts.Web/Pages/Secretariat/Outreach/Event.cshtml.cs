using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>Create or edit an event; its materials, registrations, ceremony invitations, attendance export.</summary>
public class EventModel(
    AppDbContext db,
    SaveOutreachEvent save,
    UploadEventMaterial upload,
    ManageRegistration manage,
    InviteHonourees invite,
    OutreachExport export,
    IFileStorage storage,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class EventInput
    {
        public EventKind Kind { get; set; } = EventKind.TrainingConference;

        [Required(ErrorMessage = "Cần nhập tên sự kiện."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        public string? Title { get; set; }
        public PlaceKind PlaceKind { get; set; }
        public int? PlaceId { get; set; }

        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")]
        public string? Venue { get; set; }

        [Required(ErrorMessage = "Cần nhập giờ bắt đầu.")]
        public string? Starts { get; set; }

        [Required(ErrorMessage = "Cần nhập giờ kết thúc.")]
        public string? Ends { get; set; }

        [Range(0, 100000, ErrorMessage = "Số chỗ từ 0 (không giới hạn) đến 100.000.")]
        public int Capacity { get; set; }

        [StringLength(2000, ErrorMessage = "Tối đa 2000 ký tự.")]
        public string? Audience { get; set; }

        [StringLength(8000, ErrorMessage = "Tối đa 8000 ký tự.")]
        public string? Programme { get; set; }

        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        public string? OrganisingUnit { get; set; }
        public bool Published { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public EventInput Input { get; set; } = new();

    [BindProperty]
    public string? DocTitle { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public int InviteYear { get; set; }

    public OutreachEvent? Event { get; private set; }
    public IReadOnlyList<OutreachPlace> Places { get; private set; } = [];
    public IReadOnlyList<EventRegistration> Registrations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is not null && Event is null)
            return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var starts = ParseLocal("Input.Starts", Input.Starts);
        var ends = ParseLocal("Input.Ends", Input.Ends);
        if (!ModelState.IsValid)
            return await FailAsync(id, ct);
        return await RunAsync(
            id,
            async () =>
                (
                    await save.ExecuteAsync(
                        id,
                        Input.Version,
                        new OutreachEventFields(
                            Input.Kind,
                            Input.Title ?? "",
                            Input.PlaceKind,
                            Input.PlaceId,
                            Input.Venue ?? "",
                            starts!.Value,
                            ends!.Value,
                            Input.Capacity,
                            Input.Audience ?? "",
                            Input.Programme ?? "",
                            Input.OrganisingUnit ?? "",
                            Input.Published
                        ),
                        ct
                    )
                ).Id,
            ct
        );
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Chọn tệp để tải lên."]);
            return await FailAsync(id, ct, refill: true);
        }
        await using var stream = Upload.OpenReadStream();
        return await RunAsync(
            id,
            async () =>
            {
                await upload.ExecuteAsync(id, DocTitle ?? "", Upload.FileName, stream, ct);
                return id;
            },
            ct,
            refill: true
        );
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, int registrationId, CancellationToken ct)
    {
        ModelState.Clear();
        var token = await db
            .EventRegistrations.Where(r => r.Id == registrationId && r.EventId == id)
            .Select(r => r.Token)
            .FirstOrDefaultAsync(ct);
        if (token is null)
            return NotFound();
        return await RunAsync(
            id,
            async () =>
            {
                await manage.CancelAsync(token, ct);
                return id;
            },
            ct,
            refill: true
        );
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var invited = 0;
        var result = await RunAsync(
            id,
            async () =>
            {
                invited = await invite.ExecuteAsync(id, InviteYear, ct);
                return id;
            },
            ct,
            refill: true
        );
        if (result is RedirectToPageResult)
            TempData["Invited"] = invited;
        return result;
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        var file = await export.AttendanceAsync(id, s => l[s], ct);
        if (file is not { } f)
            return NotFound();
        return File(
            f.Bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"tham-du-su-kien-{id}.xlsx"
        );
    }

    public async Task<IActionResult> OnGetMaterialAsync(int id, int materialId, CancellationToken ct)
    {
        var m = await db
            .EventMaterials.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == materialId && x.EventId == id, ct);
        if (m is null || storage.OpenRead(m.Sha256) is not { } s)
            return NotFound();
        return File(s, m.ContentType, m.FileName);
    }

    private DateTime? ParseLocal(string key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (
            DateTime.TryParseExact(
                text.Trim(),
                ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy HH:mm"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var d
            ) && d.Year is >= 2000 and <= 2100
        )
            return d;
        ModelState.AddModelError(key, l["Thời gian không hợp lệ (ngày/tháng/năm giờ:phút)."]);
        return null;
    }

    private async Task<IActionResult> RunAsync(
        int? id,
        Func<Task<int>> action,
        CancellationToken ct,
        bool refill = false
    )
    {
        if (id is { } existing && !await db.OutreachEvents.AnyAsync(e => e.Id == existing, ct))
            return NotFound();
        try
        {
            var eid = await action();
            TempData["Saved"] = true;
            return RedirectToPage("Event", new { id = eid });
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Sự kiện vừa được người khác thay đổi. Vui lòng tải lại trang."]);
        }
        catch (FileTooLargeException)
        {
            ModelState.AddModelError(nameof(Upload), l["Tệp vượt quá dung lượng cho phép."]);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(
                ex.Code is "Title" or "Venue" or "PlaceId" or "Capacity" && !refill ? "Input." + ex.Code
                    : ex.Code == "EndsAt" ? "Input.Ends"
                    : "",
                ex.Localized(l)
            );
        }
        return await FailAsync(id, ct, refill);
    }

    private async Task<IActionResult> FailAsync(int? id, CancellationToken ct, bool refill = false)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        if (id is not null && Event is null)
            return NotFound();
        if (refill)
            Fill();
        Response.StatusCode = 400;
        return Page();
    }

    private void Fill()
    {
        InviteYear = InviteYear == 0 ? VietnamTime.Today(time).Year : InviteYear;
        if (Event is not { } e)
        {
            if (Input.Starts is null)
            {
                var day = VietnamTime.Today(time).AddDays(14).ToDateTime(new TimeOnly(8, 30));
                Input = new EventInput
                {
                    Starts = day.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                    Ends = day.AddHours(3).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                    OrganisingUnit = "Sở Công Thương Hà Nội",
                    Capacity = 100,
                };
            }
            return;
        }
        Input = new EventInput
        {
            Kind = e.Kind,
            Title = e.Title,
            PlaceKind = e.PlaceKind,
            PlaceId = e.PlaceId,
            Venue = e.Venue,
            Starts = Local(e.StartsAt),
            Ends = Local(e.EndsAt),
            Capacity = e.Capacity,
            Audience = e.Audience,
            Programme = e.Programme,
            OrganisingUnit = e.OrganisingUnit,
            Published = e.Published,
            Version = e.Version,
        };
    }

    private static string Local(DateTimeOffset utc) =>
        VietnamTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        Places = await db.OutreachPlaces.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        if (id is not { } eid)
            return;
        Event = await db
            .OutreachEvents.AsNoTracking()
            .Include(e => e.Materials)
            .FirstOrDefaultAsync(e => e.Id == eid, ct);
        Registrations = await db
            .EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eid)
            .OrderBy(r => r.AwardOrder ?? int.MaxValue)
            .ThenBy(r => r.RegisteredAt)
            .ThenBy(r => r.Id)
            .ToListAsync(ct);
    }
}
