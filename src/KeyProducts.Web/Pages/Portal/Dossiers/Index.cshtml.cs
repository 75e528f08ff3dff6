using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Portal.Dossiers;

public class IndexModel(
    AppDbContext db,
    DossierAccess access,
    DossierQueries queries,
    StartDossier start,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public IReadOnlyList<DossierRow> Rows { get; private set; } = [];
    public Round? OpenRound { get; private set; }
    public List<(int Id, string Name)> Products { get; private set; } = [];
    public List<(int Id, string Label)> Tracks { get; private set; } = [];

    [BindProperty]
    public int ProductId { get; set; }

    [BindProperty]
    public int TrackId { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        await LoadAsync(ct);
        if (OpenRound is null)
            ModelState.AddModelError("", l["Hiện không có đợt xét chọn nào đang nhận hồ sơ."]);
        if (ProductId == 0)
            ModelState.AddModelError(nameof(ProductId), l["Chọn sản phẩm."]);
        if (TrackId == 0)
            ModelState.AddModelError(nameof(TrackId), l["Chọn nhóm sản phẩm."]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            return Page();
        }
        try
        {
            var d = await start.ExecuteAsync(viewer, OpenRound!.Id, ProductId, TrackId, ct);
            return RedirectToPage("Edit", new { id = d.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("", ex.Localized(l));
            Response.StatusCode = 400;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var viewer = await access.ViewerAsync(User, ct);
        Rows = await queries.ListAsync(viewer, new QueueFilter(), ct);
        var now = time.GetUtcNow();
        var published = await db
            .Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Published)
            .OrderByDescending(r => r.Year)
            .ToListAsync(ct);
        OpenRound = published.FirstOrDefault(r => r.IsOpenForSubmission(now))
            ?? (
                viewer.EnterpriseId is { } eid
                    ? published.FirstOrDefault(r =>
                        db.DeadlineExtensions.Any(x => x.RoundId == r.Id && x.EnterpriseId == eid)
                    )
                    : null
            );
        if (OpenRound is null || viewer.EnterpriseId is not { } enterpriseId)
            return;
        var round = OpenRound;
        var taken = db.Dossiers.Where(d => d.RoundId == round.Id).Select(d => d.ProductId);
        Products = (
            await db
                .Products.AsNoTracking()
                .Where(p => p.EnterpriseId == enterpriseId && !taken.Contains(p.Id))
                .OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name })
                .ToListAsync(ct)
        )
            .Select(p => (p.Id, p.Name))
            .ToList();
        Tracks = (
            await db
                .EligibilityTracks.AsNoTracking()
                .Where(t => t.CriteriaSetId == round.CriteriaSetId)
                .OrderBy(t => t.SortOrder)
                .Select(t => new
                {
                    t.Id,
                    t.Code,
                    t.Name,
                })
                .ToListAsync(ct)
        ).Select(t => (t.Id, $"{t.Code} — {t.Name}")).ToList();
    }
}
