using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Features.Rounds;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rounds;

/// <summary>Create or edit a round: dates, rulebook, contact; its checklist and guidance documents; publish
/// it.</summary>
[Infrastructure.Web.FormTooLargeIs413]
[RequestSizeLimit(DossierLimits.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DossierLimits.MaxUploadRequestBytes)]
public class EditModel(
    AppDbContext db,
    SaveRound save,
    PublishRound publish,
    EditRoundContents contents,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class RoundInput
    {
        [Range(2018, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int Year { get; set; }

        [Required(ErrorMessage = "Cần nhập tên đợt.")]
        public string Title { get; set; } = "";
        public int PhaseId { get; set; }
        public int CriteriaSetId { get; set; }
        public string? Description { get; set; }
        public DateOnly RegistrationOpens { get; set; }
        public DateOnly SubmissionDeadline { get; set; }
        public DateOnly ScreeningDeadline { get; set; }
        public DateOnly? CouncilMeeting { get; set; }
        public DateOnly? CommentOpens { get; set; }
        public DateOnly? CommentCloses { get; set; }
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    [BindProperty]
    public string? ItemCode { get; set; }

    [BindProperty]
    public string? ItemName { get; set; }

    [BindProperty]
    public bool ItemMandatory { get; set; }

    [BindProperty]
    public bool ItemProvesCompliance { get; set; }

    [BindProperty]
    public string? ItemTracks { get; set; }

    [BindProperty]
    public DocumentKind DocKind { get; set; }

    [BindProperty]
    public string? DocNumber { get; set; }

    [BindProperty]
    public DateOnly? DocIssuedOn { get; set; }

    [BindProperty]
    public string? DocTitle { get; set; }

    [BindProperty]
    public IFormFile? DocFile { get; set; }

    public Round? Round { get; private set; }
    public List<(int Id, string Name)> Phases { get; private set; } = [];
    public List<(int Id, string Name)> Sets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is not null && Round is null)
            return NotFound();
        if (Round is { } r)
            Input = new RoundInput
            {
                Year = r.Year,
                Title = r.Title,
                PhaseId = r.PhaseId,
                CriteriaSetId = r.CriteriaSetId,
                Description = r.Description,
                RegistrationOpens = r.RegistrationOpens,
                SubmissionDeadline = r.SubmissionDeadline,
                ScreeningDeadline = r.ScreeningDeadline,
                CouncilMeeting = r.CouncilMeeting,
                CommentOpens = r.CommentOpens,
                CommentCloses = r.CommentCloses,
                ContactName = r.ContactName,
                ContactEmail = r.ContactEmail,
                ContactPhone = r.ContactPhone,
                Version = r.Version,
            };
        else
        {
            var today = VietnamTime.Today(time);
            Input = new RoundInput
            {
                Year = today.Year + 1,
                PhaseId = Phases.LastOrDefault().Id,
                CriteriaSetId = Sets.FirstOrDefault().Id,
                RegistrationOpens = new DateOnly(today.Year + 1, 4, 1),
                SubmissionDeadline = new DateOnly(today.Year + 1, 8, 31),
                ScreeningDeadline = new DateOnly(today.Year + 1, 9, 30),
                ContactName = "Phòng Quản lý công nghiệp, Sở Công Thương Hà Nội",
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await Fail(id, 400, ct);
        return await Run(
            id,
            async () =>
            {
                var r = await save.ExecuteAsync(
                    id,
                    Input.Version,
                    new RoundFields(
                        Input.Year,
                        Input.Title,
                        Input.PhaseId,
                        Input.CriteriaSetId,
                        Input.Description ?? "",
                        Input.RegistrationOpens,
                        Input.SubmissionDeadline,
                        Input.ScreeningDeadline,
                        Input.CouncilMeeting,
                        Input.CommentOpens,
                        Input.CommentCloses,
                        Input.ContactName ?? "",
                        Input.ContactEmail ?? "",
                        Input.ContactPhone ?? ""
                    ),
                    ct
                );
                return r.Id;
            },
            ct
        );
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        Run(
            id,
            async () =>
            {
                await publish.ExecuteAsync(id, ct);
                return id;
            },
            ct
        );

    public Task<IActionResult> OnPostAddItemAsync(int id, CancellationToken ct) =>
        Run(
            id,
            async () =>
            {
                await contents.AddChecklistItemAsync(
                    id,
                    ItemCode ?? "",
                    ItemName ?? "",
                    ItemMandatory,
                    ItemTracks ?? "",
                    ct,
                    ItemProvesCompliance
                );
                return id;
            },
            ct
        );

    public Task<IActionResult> OnPostRemoveItemAsync(int id, int itemId, CancellationToken ct) =>
        Run(
            id,
            async () =>
            {
                await contents.RemoveChecklistItemAsync(id, itemId, ct);
                return id;
            },
            ct
        );

    public Task<IActionResult> OnPostAddDocumentAsync(int id, CancellationToken ct) =>
        Run(
            id,
            async () =>
            {
                await using var stream = DocFile?.OpenReadStream();
                await contents.AddDocumentAsync(
                    id,
                    DocKind,
                    DocNumber,
                    DocIssuedOn,
                    DocTitle ?? "",
                    null,
                    DocFile?.FileName,
                    stream,
                    ct
                );
                return id;
            },
            ct
        );

    private async Task<IActionResult> Run(int? id, Func<Task<int>> action, CancellationToken ct)
    {
        if (id is { } existing && !await db.Rounds.AnyAsync(r => r.Id == existing, ct))
            return NotFound();
        try
        {
            var rid = await action();
            return RedirectToPage("Edit", new { id = rid });
        }
        catch (FileTooLargeException)
        {
            ModelState.AddModelError(
                "",
                l[
                    "Tệp vượt quá dung lượng cho phép ({0} MB mỗi tệp, {1} MB mỗi hồ sơ).",
                    DossierLimits.MaxFileBytes / 1048576,
                    DossierLimits.MaxDossierBytes / 1048576
                ]
            );
            return await Fail(id, 413, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Đợt xét chọn vừa được người khác thay đổi. Vui lòng tải lại trang."]);
            return await Fail(id, 409, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Localized(l));
            return await Fail(id, 400, ct);
        }
    }

    private async Task<IActionResult> Fail(int? id, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        if (id is { } rid)
            Round = await db
                .Rounds.AsNoTracking()
                .Include(r => r.Checklist)
                .Include(r => r.Documents)
                .AsSplitQuery()
                .FirstOrDefaultAsync(r => r.Id == rid, ct);
        Phases = (
            await db.Phases.AsNoTracking().OrderBy(p => p.StartYear).Select(p => new { p.Id, p.Name }).ToListAsync(ct)
        )
            .Select(p => (p.Id, p.Name))
            .ToList();
        var currentSet = Round?.CriteriaSetId;
        Sets = (
            await db
                .CriteriaSets.AsNoTracking()
                .Where(s => s.Status == CriteriaSetStatus.Active || s.Id == currentSet)
                .OrderByDescending(s => s.Id)
                .Select(s => new
                {
                    s.Id,
                    s.Name,
                    s.VersionNumber,
                })
                .ToListAsync(ct)
        ).Select(s => (s.Id, $"{s.Name} (v{s.VersionNumber})")).ToList();
    }
}
