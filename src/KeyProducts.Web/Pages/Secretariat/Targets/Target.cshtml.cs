using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Targets;

public class TargetModel(AppDbContext db, SaveTarget save, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class TargetInput
    {
        [Required(ErrorMessage = "Nhập mã chỉ tiêu.")]
        public string Code { get; set; } = "";
        public int PhaseId { get; set; }
        public KpiIndicator Indicator { get; set; }
        public FigureBasis Basis { get; set; }

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int? Year { get; set; }
        public bool Cumulative { get; set; }

        [Range(
            typeof(decimal),
            "0",
            "1000000000",
            ParseLimitsInInvariantCulture = true,
            ErrorMessage = "Giá trị phải từ 0 đến 1 tỷ."
        )]
        public decimal? Min { get; set; }

        [Range(
            typeof(decimal),
            "0",
            "1000000000",
            ParseLimitsInInvariantCulture = true,
            ErrorMessage = "Giá trị phải từ 0 đến 1 tỷ."
        )]
        public decimal? Max { get; set; }
        public bool MinExclusive { get; set; }

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int? BaselineYear { get; set; }

        [Required(ErrorMessage = "Nhập văn bản nguồn của chỉ tiêu.")]
        public string Source { get; set; } = "";
        public DateOnly? SourceDate { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public TargetInput Input { get; set; } = new();
    public List<Phase> Phases { get; private set; } = [];
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? phase, CancellationToken ct)
    {
        Id = id;
        Phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartYear).ToListAsync(ct);
        if (id is null)
        {
            Input.PhaseId = phase ?? Phases.LastOrDefault()?.Id ?? 0;
            return Page();
        }
        var t = await db.ProgramTargets.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
            return NotFound();
        Input = new TargetInput
        {
            Code = t.Code,
            PhaseId = t.PhaseId,
            Indicator = t.Indicator,
            Basis = t.Basis,
            Year = t.Year,
            Cumulative = t.Cumulative,
            Min = t.Min,
            Max = t.Max,
            MinExclusive = t.MinExclusive,
            BaselineYear = t.BaselineYear,
            Source = t.Source,
            SourceDate = t.SourceDate,
            Notes = t.Notes,
            Version = t.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (id is not null && !await db.ProgramTargets.AnyAsync(t => t.Id == id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return await FailAsync(id, 400, ct);
        try
        {
            var i = Input;
            await save.ExecuteAsync(
                id,
                i.Version,
                new ProgramTarget
                {
                    Code = i.Code,
                    PhaseId = i.PhaseId,
                    Indicator = i.Indicator,
                    Basis = i.Basis,
                    Year = i.Year,
                    Cumulative = i.Cumulative,
                    Min = i.Min,
                    Max = i.Max,
                    MinExclusive = i.MinExclusive,
                    BaselineYear = i.BaselineYear,
                    Source = i.Source,
                    SourceDate = i.SourceDate,
                    Notes = string.IsNullOrWhiteSpace(i.Notes) ? null : i.Notes.Trim(),
                },
                ct
            );
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Chỉ tiêu vừa được người khác thay đổi. Vui lòng tải lại trang."]);
            return await FailAsync(id, 409, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(
                e.Code switch
                {
                    "TargetValue" => "Input.Min",
                    "TargetYear" => "Input.Year",
                    "TargetBaseline" => "Input.BaselineYear",
                    "TargetSource" => "Input.Source",
                    "TargetUnit" => "Input.Indicator",
                    "NoPhase" => "Input.PhaseId",
                    _ => "Input.Code",
                },
                e.Localized(l)
            );
            return await FailAsync(id, 400, ct);
        }
        TempData["Flash"] = l["Đã lưu chỉ tiêu."].Value;
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        try
        {
            await save.DeleteAsync(id, ct);
        }
        catch (DomainException)
        {
            return NotFound();
        }
        TempData["Flash"] = l["Đã xóa chỉ tiêu."].Value;
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> FailAsync(int? id, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        Id = id;
        Phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartYear).ToListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
