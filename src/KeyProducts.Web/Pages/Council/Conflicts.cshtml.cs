using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Council;

/// <summary>A member declares relationships with enterprises; from then on those dossiers are hidden from
/// them.</summary>
public class ConflictsModel(
    AppDbContext db,
    CouncilQueries queries,
    DeclareConflict declare,
    ICurrentUser user,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class DeclareInput
    {
        [Required(ErrorMessage = "Chọn doanh nghiệp.")]
        [Display(Name = "Doanh nghiệp")]
        public int? EnterpriseId { get; set; }

        [Required(ErrorMessage = "Mô tả mối quan hệ.")]
        [StringLength(500)]
        [Display(Name = "Mối quan hệ")]
        public string? Relationship { get; set; }
    }

    public sealed record Row(string Enterprise, string Relationship, string DeclaredBy, DateTimeOffset DeclaredAt);

    [BindProperty]
    public DeclareInput Input { get; set; } = new();
    public IReadOnlyList<Row> Declared { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Enterprises { get; private set; } = [];
    public bool IsMember { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var memberId = await LoadAsync(ct);
        if (memberId is null)
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        try
        {
            await declare.ExecuteAsync(memberId.Value, Input.EnterpriseId!.Value, Input.Relationship!, ct);
            return RedirectToPage();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Localized(l));
            return Page();
        }
    }

    private async Task<int?> LoadAsync(CancellationToken ct)
    {
        var round = await queries.RoundAsync(null, ct);
        if (round is null)
            return null;
        var memberId = await (
            from m in db.CouncilMembers
            join c in db.Councils on m.CouncilId equals c.Id
            where c.RoundId == round.Id && m.UserId == user.Id
            select (int?)m.Id
        ).FirstOrDefaultAsync(ct);
        IsMember = memberId is not null;
        if (memberId is null)
            return null;
        Declared = await (
            from x in db.Conflicts.AsNoTracking()
            join e in db.Enterprises on x.EnterpriseId equals e.Id
            where x.MemberId == memberId
            orderby x.DeclaredAt
            select new Row(e.NameVi, x.Relationship, x.DeclaredBy, x.DeclaredAt)
        ).ToListAsync(ct);
        // The enterprises with a dossier in this round: the ones a member might have to step away from.
        Enterprises = await db
            .Enterprises.AsNoTracking()
            .Where(e => db.Dossiers.Any(d => d.RoundId == round.Id && d.EnterpriseId == e.Id))
            .OrderBy(e => e.NameVi)
            .Select(e => new SelectListItem(e.NameVi + " (" + e.TaxCode + ")", e.Id.ToString()))
            .ToListAsync(ct);
        return memberId;
    }
}
