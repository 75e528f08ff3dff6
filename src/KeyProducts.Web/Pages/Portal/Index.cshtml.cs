using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Enterprises;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Portal;

/// <summary>The enterprise's home: profile status (with the rejection reason), the round open for applications,
/// the dossiers in progress, the recognized products, and the profile, products and team.</summary>
public class IndexModel(AppDbContext db, EnterpriseAccess access, TimeProvider time) : PageModel
{
    public sealed record DossierRow(int Id, string? Code, int Year, string Product, DossierState State);

    public sealed record RecognitionRow(
        string Product,
        int Year,
        bool Top10,
        DateOnly ValidTo,
        RecognitionStatus Status
    );

    public Enterprise? Enterprise { get; private set; }
    public int Products { get; private set; }
    public int Staff { get; private set; }
    public bool IsOwner { get; private set; }
    public Round? OpenRound { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public IReadOnlyList<DossierRow> Dossiers { get; private set; } = [];
    public IReadOnlyList<RecognitionRow> Recognitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await access.OwnEnterpriseIdAsync(User, ct) is not { } id)
            return;
        Enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        Products = await db.Products.CountAsync(p => p.EnterpriseId == id, ct);
        Staff = await db.Users.CountAsync(u => u.EnterpriseId == id, ct);
        IsOwner = await access.IsOwnerAsync(User, ct);

        var now = time.GetUtcNow();
        var today = VietnamTime.Today(time);
        var published = await db
            .Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Published)
            .OrderByDescending(r => r.Year)
            .ToListAsync(ct);
        var extensions = await db.DeadlineExtensions.AsNoTracking().Where(x => x.EnterpriseId == id).ToListAsync(ct);
        foreach (var r in published)
        {
            var extended = extensions.Where(x => x.RoundId == r.Id).Select(x => (DateOnly?)x.NewDeadline).Max();
            if (!r.IsOpenForSubmission(now, extended))
                continue;
            OpenRound = r;
            Deadline = extended is { } e && e > r.SubmissionDeadline ? e : r.SubmissionDeadline;
            break;
        }

        Dossiers = await (
            from d in db.Dossiers.AsNoTracking()
            join r in db.Rounds on d.RoundId equals r.Id
            join p in db.Products on d.ProductId equals p.Id
            where d.EnterpriseId == id
            orderby r.Year descending, d.Id descending
            select new DossierRow(d.Id, d.Code, r.Year, p.Name, d.State)
        )
            .Take(10)
            .ToListAsync(ct);

        var recognitions = await (
            from x in db.Recognitions.AsNoTracking()
            join p in db.Products on x.ProductId equals p.Id
            where x.EnterpriseId == id
            orderby x.Year descending, p.Name
            select new { x, p.Name }
        ).ToListAsync(ct);
        Recognitions =
        [
            .. recognitions.Select(r => new RecognitionRow(
                r.Name,
                r.x.Year,
                r.x.Top10,
                r.x.ValidTo,
                r.x.StatusOn(today)
            )),
        ];
    }
}
