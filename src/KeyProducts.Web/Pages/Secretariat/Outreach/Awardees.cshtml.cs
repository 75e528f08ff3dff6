using KeyProducts.Core.Outreach;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Outreach;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat.Outreach;

/// <summary>The printed list of awardees of an honouring ceremony in the order of the decision: Top 10 first, then the
/// other recognized products, each with the enterprise's answer to its invitation.</summary>
public class AwardeesModel(AppDbContext db, InviteHonourees honourees) : PageModel
{
    public sealed record Line(
        int Order,
        string Product,
        string Enterprise,
        string TaxCode,
        bool Top10,
        RegistrationStatus? Answer
    );

    public OutreachEvent Event { get; private set; } = null!;
    public int Year { get; private set; }
    public IReadOnlyList<(string Number, DateOnly Date)> Decisions { get; private set; } = [];
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken ct)
    {
        var e = await db.OutreachEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || e.Kind != EventKind.HonouringCeremony)
            return NotFound();
        Event = e;
        var invitations = await db
            .EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == id && r.EnterpriseId != null)
            .Select(r => new { EnterpriseId = r.EnterpriseId!.Value, r.Status })
            .ToListAsync(ct);
        var invited = invitations.Select(i => i.EnterpriseId).ToList();
        var eventYear = Core.Common.VietnamTime.ToLocal(e.StartsAt).Year;
        Year = year is >= 1990 and <= 2100
            ? year.Value
            : await db
                .Recognitions.Where(r => invited.Contains(r.EnterpriseId) && r.Year <= eventYear)
                .MaxAsync(r => (int?)r.Year, ct)
                ?? await db.Recognitions.Where(r => r.Year <= eventYear).MaxAsync(r => (int?)r.Year, ct)
                ?? eventYear;
        var answers = invitations.GroupBy(i => i.EnterpriseId).ToDictionary(g => g.Key, g => g.Last().Status);
        Lines = (await honourees.AwardeesAsync(Year, ct))
            .Select(
                (a, i) =>
                    new Line(
                        i + 1,
                        a.Product,
                        a.Enterprise,
                        a.TaxCode,
                        a.Top10,
                        answers.TryGetValue(a.EnterpriseId, out var s) ? s : null
                    )
            )
            .ToList();
        Decisions = (
            await (
                from d in db.RecognitionDecisions.AsNoTracking()
                where db.Recognitions.Any(r => r.DecisionId == d.Id && r.Year == Year && r.RevokedAt == null)
                orderby d.Date, d.Number
                select new { d.Number, d.Date }
            ).ToListAsync(ct)
        )
            .Select(d => (d.Number, d.Date))
            .ToList();
        return Page();
    }
}
