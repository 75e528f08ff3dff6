using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>One target: its figures, owner, stage (recorded and as the records show it), contact log, the events its
/// people attended and its dossiers, so the officer sees what preceded a submission.</summary>
public class TargetModel(
    AppDbContext db,
    MobilizationQueries queries,
    UpdateTarget update,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed record Attended(string Event, DateTimeOffset StartsAt, string Name, DateTimeOffset? AttendedAt);

    public sealed record DossierRow(string? Code, DossierState State, DateTimeOffset? SubmittedAt, int Year);

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? OwnerUserId { get; set; }

    [BindProperty]
    public MobilizationStage MoveTo { get; set; }

    [BindProperty]
    public ContactKind Kind { get; set; }

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public MobilizationTarget? Target { get; private set; }
    public MobilizationStage Effective { get; private set; }
    public IReadOnlyList<Attended> Events { get; private set; } = [];
    public IReadOnlyList<DossierRow> Dossiers { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Officers { get; private set; } = [];
    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();
    public DateTimeOffset? FirstSubmittedAt { get; private set; }
    public string? CommuneName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        On = VietnamTime.Today(time);
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => update.AssignAsync(id, Version, OwnerUserId, ct), nameof(OwnerUserId), ct);

    public Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => update.MoveAsync(id, Version, MoveTo, ct), nameof(MoveTo), ct);

    public Task<IActionResult> OnPostContactAsync(int id, CancellationToken ct)
    {
        if (On is null)
            ModelState.AddModelError(nameof(On), l["Cần nhập ngày liên hệ."]);
        return RunAsync(
            id,
            () => update.LogContactAsync(id, Version, Kind, On!.Value, Note ?? "", ct),
            nameof(Note),
            ct
        );
    }

    private async Task<IActionResult> RunAsync(int id, Func<Task> action, string field, CancellationToken ct)
    {
        if (!await db.MobilizationTargets.AnyAsync(t => t.Id == id, ct))
            return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                await action();
                TempData["Saved"] = true;
                return RedirectToPage("Target", new { id });
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(
                    "",
                    l["Doanh nghiệp mục tiêu vừa được người khác cập nhật. Vui lòng tải lại trang."]
                );
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(ex.Code is "On" or "Note" ? ex.Code : field, ex.Localized(l));
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = 400;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Target = await db
            .MobilizationTargets.AsNoTracking()
            .Include(t => t.Contacts)
            .FirstOrDefaultAsync(t => t.Id == id, ct);
        if (Target is not { } t)
            return false;
        Version = t.Version;
        var progress = (await queries.ProgressAsync(t.Year, ct)).GetValueOrDefault(t.TaxCode);
        Effective = MobilizationStages.Effective(t.Stage, progress.Progress ?? EnterpriseProgress.None);
        FirstSubmittedAt = progress.FirstSubmittedAt;
        CommuneName = t.CommuneCode is null
            ? null
            : await db
                .AdministrativeUnits.Where(u => u.Code == t.CommuneCode)
                .Select(u => u.Name)
                .FirstOrDefaultAsync(ct);
        var parent = t.TaxCode.Length > 10 ? t.TaxCode[..10] : t.TaxCode;
        Events = await (
            from r in db.EventRegistrations
            join e in db.OutreachEvents on r.EventId equals e.Id
            where r.TaxCode == t.TaxCode || r.TaxCode == parent
            orderby e.StartsAt
            select new Attended(e.Title, e.StartsAt, r.Name, r.AttendedAt)
        ).ToListAsync(ct);
        if (progress.Progress is not null)
            Dossiers = await (
                from d in db.Dossiers
                join r in db.Rounds on d.RoundId equals r.Id
                where d.EnterpriseId == progress.EnterpriseId
                orderby d.CreatedAt
                select new DossierRow(d.Code, d.State, d.SubmittedAt, r.Year)
            ).ToListAsync(ct);
        Officers = (
            await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.Officer
                orderby u.DisplayName
                select new { u.Id, u.DisplayName }
            )
                .Distinct()
                .ToListAsync(ct)
        ).Select(x => (x.Id, x.DisplayName)).ToList();
        var ids = t.Contacts.Select(c => c.ByUserId).Append(t.OwnerUserId).OfType<string>().Distinct().ToList();
        UserNames = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        OwnerUserId ??= t.OwnerUserId;
        return true;
    }
}
