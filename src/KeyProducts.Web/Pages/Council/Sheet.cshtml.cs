using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Council;

/// <summary>One dossier as a council member sees it, and the member's own score sheet.</summary>
public class SheetModel(
    AppDbContext db,
    CouncilAccess access,
    CouncilQueries queries,
    SaveScoreSheet save,
    ICurrentUser user,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class ItemInput
    {
        public int IndicatorId { get; set; }
        public string? Points { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class SheetInput
    {
        public int Version { get; set; }
        public List<ItemInput> Items { get; set; } = [];
    }

    public sealed record Header(
        string? Code,
        string Enterprise,
        string TaxCode,
        string Product,
        string? ProductModel,
        DossierState State
    );

    public sealed record DocumentRow(int Id, string FileName, long Size);

    public sealed record OtherScore(string Member, long Points, string? Comment);

    [BindProperty]
    public SheetInput Input { get; set; } = new();
    public MemberDossier Access { get; private set; } = null!;
    public Header Dossier { get; private set; } = null!;
    public IReadOnlyList<DossierFigure> Figures { get; private set; } = [];
    public IReadOnlyDictionary<int, SelfAssessment> Claims { get; private set; } =
        new Dictionary<int, SelfAssessment>();
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public ScoreSheet Sheet { get; private set; } = null!;
    public ILookup<int, OtherScore> Others { get; private set; } = Array.Empty<OtherScore>().ToLookup(o => 0);
    public string? Saved { get; private set; }

    public bool Editable => Access.CanScore && !Sheet.IsLocked;

    public async Task<IActionResult> OnGetAsync(int dossierId, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(dossierId, ct))
            return NotFound();
        Saved = saved;
        Input = new SheetInput
        {
            Version = Sheet.Version,
            Items = Indicators
                .Select(i =>
                    Sheet.Scores.FirstOrDefault(s => s.IndicatorId == i.Id) is { } s
                        ? new ItemInput
                        {
                            IndicatorId = i.Id,
                            Points = PointsText.Format(s.PointsHundredths),
                            Comment = s.Comment,
                        }
                        : new ItemInput { IndicatorId = i.Id }
                )
                .ToList(),
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int dossierId, CancellationToken ct) =>
        PostAsync(dossierId, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int dossierId, CancellationToken ct) =>
        PostAsync(dossierId, submit: true, ct);

    private async Task<IActionResult> PostAsync(int dossierId, bool submit, CancellationToken ct)
    {
        var found = await access.ForMemberAsync(user.Id, dossierId, ct);
        if (found is null)
            return NotFound();
        var inputs = new List<ScoreInput>();
        for (var i = 0; i < Input.Items.Count; i++)
        {
            var item = Input.Items[i];
            long? points = null;
            if (!string.IsNullOrWhiteSpace(item.Points))
            {
                if (PointsText.TryParseHundredths(item.Points, out var p))
                    points = p;
                else
                    ModelState.AddModelError(
                        $"Input.Items[{i}].Points",
                        l["Điểm phải là số, tối đa hai chữ số thập phân."]
                    );
                if (points is null)
                    Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            inputs.Add(new ScoreInput(item.IndicatorId, points, item.Comment));
        }
        DomainException? refused = null;
        if (ModelState.IsValid)
        {
            try
            {
                await save.ExecuteAsync(found, Input.Version, inputs, submit, ct);
                return RedirectToPage(new { dossierId, saved = submit ? "submitted" : "draft" });
            }
            catch (StaleSheetException e)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.AddModelError("", e.Localized(l));
            }
            catch (DomainException e)
            {
                refused = e;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(dossierId, ct);
        // The rule is the sheet's (Core); the page only points at the fields the refusal is about.
        if (refused is not null && !MarkFields(refused, inputs, submit))
            ModelState.AddModelError("", refused.Localized(l));
        return Page();
    }

    /// <summary>Puts a refused score or a missing one beside its field; false when the refusal is about no
    /// field.</summary>
    private bool MarkFields(DomainException e, IReadOnlyList<ScoreInput> inputs, bool submit)
    {
        if (e.Code is not ("ScoreOutOfBounds" or "SheetIncomplete"))
            return false;
        var marked = false;
        var indicators = Indicators.ToDictionary(i => i.Id);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!indicators.TryGetValue(inputs[i].IndicatorId, out var ind))
                continue;
            var key = $"Input.Items[{i}].Points";
            if (inputs[i].PointsHundredths is { } p && !ind.Accepts(p))
            {
                ModelState.AddModelError(
                    key,
                    l[
                        "Điểm của chỉ tiêu {0} không hợp lệ: phải từ 0 đến {1}.",
                        ind.Code,
                        VnFormat.Points(ind.MaxPointsHundredths)
                    ]
                );
                marked = true;
            }
            else if (submit && e.Code == "SheetIncomplete" && inputs[i].PointsHundredths is null)
            {
                ModelState.AddModelError(key, l["Chưa chấm chỉ tiêu {0}.", ind.Code]);
                marked = true;
            }
        }
        return marked;
    }

    private async Task<bool> LoadAsync(int dossierId, CancellationToken ct)
    {
        var found = await access.ForMemberAsync(user.Id, dossierId, ct);
        if (found is null)
            return false;
        Access = found;
        Dossier = await (
            from d in db.Dossiers.AsNoTracking()
            join e in db.Enterprises on d.EnterpriseId equals e.Id
            join p in db.Products on d.ProductId equals p.Id
            where d.Id == dossierId
            select new Header(d.Code, e.NameVi, e.TaxCode, p.Name, p.Model, d.State)
        ).FirstAsync(ct);
        Figures = await db
            .DossierFigures.AsNoTracking()
            .Where(f => f.DossierId == dossierId)
            .OrderByDescending(f => f.Year)
            .ToListAsync(ct);
        Claims = await db
            .SelfAssessments.AsNoTracking()
            .Where(s => s.DossierId == dossierId)
            .ToDictionaryAsync(s => s.IndicatorId, ct);
        Documents = await db
            .DossierDocuments.AsNoTracking()
            .Where(d => d.DossierId == dossierId && d.ReplacedAt == null)
            .OrderBy(d => d.Id)
            .Select(d => new DocumentRow(d.Id, d.FileName, d.Size))
            .ToListAsync(ct);
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == found.RoundId, ct);
        var rulebook = await queries.RulebookAsync(round.CriteriaSetId, ct);
        var assigned = (await queries.AssignmentsAsync(found.CouncilId, ct)).GetValueOrDefault(found.MemberId) ?? [];
        Indicators = rulebook.Indicators.Where(i => assigned.Contains(i.Id)).ToList();
        Sheet = await save.CurrentSheetAsync(found, ct);
        db.ChangeTracker.Clear(); // a page view never creates a sheet
        if (Sheet.IsLocked)
        {
            // Independence (ScoreSheet.MaySee): others' submitted scores appear only once the member's own sheet is
            // submitted.
            var others = await (
                from s in db.ScoreSheets.AsNoTracking().Include(s => s.Scores)
                join m in db.CouncilMembers on s.MemberId equals m.Id
                where
                    s.DossierId == dossierId
                    && s.Pass == Sheet.Pass
                    && s.MemberId != found.MemberId
                    && s.Status == SheetStatus.Submitted
                select new { Sheet = s, m.FullName }
            ).ToListAsync(ct);
            Others = others
                .Where(o => Sheet.MaySee(o.Sheet))
                .SelectMany(o => o.Sheet.Scores.Select(x => (x.IndicatorId, o.FullName, x.PointsHundredths, x.Comment)))
                .ToLookup(o => o.IndicatorId, o => new OtherScore(o.FullName, o.PointsHundredths, o.Comment));
        }
        return true;
    }
}
