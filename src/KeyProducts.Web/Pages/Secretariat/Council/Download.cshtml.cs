using KeyProducts.Core.Council;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Features.Council.Documents;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>The council's documents: minutes and draft decision (.docx), full results (.xlsx). The minutes and the
/// draft
/// decision exist only once the council has confirmed its results (before that they would record a meeting that has not
/// decided anything); the results workbook is available while scoring, as a progress record.</summary>
public class DownloadModel(
    CouncilQueries queries,
    CouncilMinutes minutes,
    DraftDecision decision,
    ResultsWorkbook workbook,
    IStringLocalizer<SharedResource> l
) : CouncilPage(queries, l)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Why the document asked for cannot be produced yet (shown with a 409).</summary>
    public string? NotYet { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct) || Council is null)
            return NotFound();
        if (kind is "minutes" or "decision" && !Council.DocumentsReady)
        {
            NotYet = L["Biên bản họp và dự thảo quyết định có sau khi Hội đồng xác nhận kết quả."];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return kind switch
        {
            "minutes" => File(
                await minutes.BuildAsync(Round, Council, ct),
                Docx,
                $"bien-ban-hoi-dong-{Round.Year}.docx"
            ),
            "decision" => File(
                await decision.BuildAsync(Round, Council, ct),
                Docx,
                $"du-thao-quyet-dinh-cong-nhan-{Round.Year}.docx"
            ),
            "results" => File(
                await workbook.BuildAsync(Round, Council, ct),
                Xlsx,
                $"ket-qua-cham-diem-{Round.Year}.xlsx"
            ),
            _ => NotFound(),
        };
    }
}
