using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Features.Council.Documents;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>The council's documents: minutes and draft decision (.docx), full results (.xlsx).</summary>
public class DownloadModel(CouncilQueries queries, CouncilDocuments documents, IStringLocalizer<SharedResource> l) : CouncilPage(queries, l)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct) || Council is null) return NotFound();
        return kind switch
        {
            "minutes" => File(await documents.MinutesAsync(Round, Council, ct), Docx, $"bien-ban-hoi-dong-{Round.Year}.docx"),
            "decision" => File(await documents.DecisionAsync(Round, Council, ct), Docx, $"du-thao-quyet-dinh-cong-nhan-{Round.Year}.docx"),
            "results" => File(await documents.ResultsWorkbookAsync(Round, Council, ct), Xlsx, $"ket-qua-cham-diem-{Round.Year}.xlsx"),
            _ => NotFound(),
        };
    }
}
