using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Targets;

public class PhaseModel(AppDbContext db, SavePhase save, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class PhaseInput
    {
        [Required(ErrorMessage = "Nhập tên giai đoạn.")]
        public string Name { get; set; } = "";

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int StartYear { get; set; }

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int EndYear { get; set; }

        [Required(ErrorMessage = "Nhập văn bản căn cứ.")]
        public string LegalBasis { get; set; } = "";
        public DateOnly? LegalBasisDate { get; set; }
        public string? LegalBasisTitle { get; set; }
        public string? Notes { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public PhaseInput Input { get; set; } = new();
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (id is null)
            return Page();
        var p = await db.Phases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
            return NotFound();
        Input = new PhaseInput
        {
            Name = p.Name,
            StartYear = p.StartYear,
            EndYear = p.EndYear,
            LegalBasis = p.LegalBasis,
            LegalBasisDate = p.LegalBasisDate,
            LegalBasisTitle = p.LegalBasisTitle,
            Notes = p.Notes,
            Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (id is not null && !await db.Phases.AnyAsync(p => p.Id == id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return Fail(400);
        try
        {
            await save.ExecuteAsync(
                id,
                Input.Version,
                new PhaseFields(
                    Input.Name,
                    Input.StartYear,
                    Input.EndYear,
                    Input.LegalBasis,
                    Input.LegalBasisDate,
                    Input.LegalBasisTitle,
                    Input.Notes
                ),
                ct
            );
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Giai đoạn vừa được người khác thay đổi. Vui lòng tải lại trang."]);
            return Fail(409);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(
                e.Code is "PhaseYears" or "PhaseOverlap" ? "Input.EndYear"
                    : e.Code == "PhaseBasis" ? "Input.LegalBasis"
                    : "Input.Name",
                e.Localized(l)
            );
            return Fail(400);
        }
        TempData["Flash"] = l["Đã lưu giai đoạn."].Value;
        return RedirectToPage("Index");
    }

    private PageResult Fail(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
