using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Leaders;

/// <summary>Downloads of the phase evaluation report and the annual results report (.docx) with their .xlsx
/// annex.</summary>
public class ReportsModel(AppDbContext db, ProgramReportDocuments documents, IStringLocalizer<SharedResource> l)
    : PageModel
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public List<KeyProducts.Core.Program.Phase> Phases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Phases = await db.Phases.AsNoTracking().OrderByDescending(p => p.StartYear).ToListAsync(ct);

    public async Task<IActionResult> OnGetPhaseAsync(int phase, CancellationToken ct) =>
        await documents.PhaseEvaluationAsync(phase, ct) is { } d ? File(d.Bytes, Docx, d.FileName) : NotFound();

    public async Task<IActionResult> OnGetYearAsync(int year, CancellationToken ct) =>
        await documents.AnnualResultsAsync(year, ct) is { } d ? File(d.Bytes, Docx, d.FileName) : NotFound();

    public async Task<IActionResult> OnGetAnnexAsync(int phase, int? year, CancellationToken ct) =>
        await documents.AnnexAsync(phase, year, k => l[k], ct) is { } d ? File(d.Bytes, Xlsx, d.FileName) : NotFound();
}
