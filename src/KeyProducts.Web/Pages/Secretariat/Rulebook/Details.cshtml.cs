using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Rulebook;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Rulebook;

/// <summary>One criteria set: everything it holds, and the actions (copy, activate, retire, export, delete
/// parts).</summary>
public class DetailsModel(
    RulebookQueries queries,
    CopyCriteriaSet copy,
    ActivateCriteriaSet activate,
    RetireCriteriaSet retire,
    EditCriteriaSet edit,
    CriteriaSetTransfer transfer,
    AppDbContext db,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }
    public CriteriaSet Set { get; private set; } = null!;
    public bool Frozen { get; private set; }
    public List<string> Rounds { get; private set; } = [];
    public Dictionary<int, string> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        var set = await copy.RunAsync(Id, ct);
        if (set is null)
            return NotFound();
        TempData["Flash"] = l["Đã sao chép thành phiên bản {0} (bản nháp).", set.VersionNumber].Value;
        return Redirect($"/Secretariat/Rulebook/Details?id={set.Id}");
    }

    public async Task<IActionResult> OnPostActivateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        try
        {
            await activate.RunAsync(Id, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Localized(l));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Flash"] = l["Bộ tiêu chí đã được đưa vào áp dụng."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct)
    {
        try
        {
            if (!await retire.RunAsync(Id, ct))
                return NotFound();
        }
        catch (DomainException e)
        {
            if (!await LoadAsync(ct))
                return NotFound();
            ModelState.AddModelError(string.Empty, e.Localized(l));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Flash"] = l["Bộ tiêu chí đã ngừng áp dụng."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostDeleteGroupAsync(int itemId, CancellationToken ct) =>
        await Done(await edit.ChangeAsync(Id, null, s => s.Groups.RemoveAll(g => g.Id == itemId), ct));

    public async Task<IActionResult> OnPostDeleteIndicatorAsync(int itemId, CancellationToken ct) =>
        await Done(
            await edit.ChangeAsync(
                Id,
                null,
                s =>
                {
                    foreach (var g in s.Groups)
                        g.Indicators.RemoveAll(i => i.Id == itemId);
                },
                ct
            )
        );

    public async Task<IActionResult> OnPostDeleteTrackAsync(int itemId, CancellationToken ct) =>
        await Done(await edit.ChangeAsync(Id, null, s => s.Tracks.RemoveAll(t => t.Id == itemId), ct));

    public async Task<IActionResult> OnPostDeleteConditionAsync(int itemId, CancellationToken ct) =>
        await Done(await edit.ChangeAsync(Id, null, s => s.Conditions.RemoveAll(c => c.Id == itemId), ct));

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct)
    {
        var doc = await transfer.ExportAsync(Id, ct);
        if (doc is null)
            return NotFound();
        var bytes = JsonSerializer.SerializeToUtf8Bytes(doc, CriteriaSetTransfer.Json);
        return File(bytes, "application/json", $"bo-tieu-chi-{Id}-v{doc.VersionNumber}.json");
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var doc = await transfer.ExportAsync(Id, ct);
        if (doc is null)
            return NotFound();
        return File(
            CriteriaSetTransfer.ToExcel(doc),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"bo-tieu-chi-{Id}-v{doc.VersionNumber}.xlsx"
        );
    }

    private Task<IActionResult> Done(bool found)
    {
        if (!found)
            return Task.FromResult<IActionResult>(NotFound());
        TempData["Flash"] = l["Đã lưu thay đổi."].Value;
        return Task.FromResult<IActionResult>(RedirectToPage(new { Id }));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.LoadAsync(Id, track: false, ct) is not { } set)
            return false;
        Set = set;
        Frozen = await queries.IsFrozenAsync(Id, ct);
        Rounds = await db
            .Rounds.AsNoTracking()
            .Where(r => r.CriteriaSetId == Id)
            .OrderBy(r => r.Year)
            .Select(r => r.Title)
            .ToListAsync(ct);
        Agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
        return true;
    }
}
