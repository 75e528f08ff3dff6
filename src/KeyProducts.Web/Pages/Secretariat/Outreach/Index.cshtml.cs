using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>The outreach events, latest first, with their registration and attendance counts.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(
        int Id,
        EventKind Kind,
        string Title,
        string Venue,
        DateTimeOffset StartsAt,
        int Capacity,
        bool Published,
        int Confirmed,
        int Waiting,
        int Attended
    );

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db
            .OutreachEvents.AsNoTracking()
            .OrderByDescending(e => e.StartsAt)
            .Select(e => new Row(
                e.Id,
                e.Kind,
                e.Title,
                e.Venue,
                e.StartsAt,
                e.Capacity,
                e.Published,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
                e.Registrations.Count(r => r.Status == RegistrationStatus.WaitingList),
                e.Registrations.Count(r => r.AttendedAt != null)
            ))
            .ToListAsync(ct);
}
