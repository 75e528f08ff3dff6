using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>The officer's phone page at the door: scan the QR code with the camera (BarcodeDetector, when the browser
/// has
/// it) or search by name, and mark attendance.</summary>
public class CheckInModel(AppDbContext db, CheckInAttendee checkIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(
        string Token,
        string Name,
        string Organisation,
        RegistrationStatus Status,
        DateTimeOffset? AttendedAt
    );

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public OutreachEvent? Event { get; private set; }
    public IReadOnlyList<Row> Found { get; private set; } = [];
    public int Confirmed { get; private set; }
    public int Attended { get; private set; }
    public string? Message { get; private set; }
    public bool Ok { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (TempData["CheckedIn"] is string who)
        {
            Message = l["Đã điểm danh: {0}", who];
            Ok = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await db.OutreachEvents.AnyAsync(e => e.Id == id, ct))
            return NotFound();
        try
        {
            var r = await checkIn.ExecuteAsync(id, Code, ct);
            TempData["CheckedIn"] = r.Name;
            return RedirectToPage("CheckIn", new { id });
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            Message = ex.Localized(l);
            Response.StatusCode = 400;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Message = l["Vui lòng thử lại."];
            Response.StatusCode = 409;
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Event = await db.OutreachEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (Event is null)
            return false;
        var counts = await db
            .EventRegistrations.Where(r => r.EventId == id)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                C = g.Count(r => r.Status == RegistrationStatus.Confirmed),
                A = g.Count(r => r.AttendedAt != null),
            })
            .FirstOrDefaultAsync(ct);
        (Confirmed, Attended) = (counts?.C ?? 0, counts?.A ?? 0);
        if (SearchText.Query(Q) is { Length: > 0 } folded)
        {
            var like = SearchText.LikePattern(folded);
            Found = await db
                .EventRegistrations.AsNoTracking()
                .Where(r => r.EventId == id && EF.Functions.Like(r.SearchText, like, "\\"))
                .OrderBy(r => r.Name)
                .Take(30)
                .Select(r => new Row(r.Token, r.Name, r.Organisation, r.Status, r.AttendedAt))
                .ToListAsync(ct);
        }
        return true;
    }
}
