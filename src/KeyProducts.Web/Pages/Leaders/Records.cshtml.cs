using KeyProducts.Web.Features.Program;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Leaders;

/// <summary>The records behind a dashboard number: recognitions, dossiers, annual reports or a published
/// figure.</summary>
public class RecordsModel(KpiRecords records) : PageModel
{
    public RecordsResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(
        string? kind,
        int? from,
        int? to,
        bool top10,
        int? sector,
        string? commune,
        int? round,
        int? id,
        string? stage,
        CancellationToken ct
    )
    {
        static int? Year(int? y) => y is >= 1990 and <= 2100 ? y : null;
        var q = new RecordsQuery(
            kind ?? "recognitions",
            Year(from),
            Year(to),
            top10,
            sector,
            commune is { Length: > 0 and <= 20 } ? commune : null,
            round,
            id,
            stage is "registered" or "submitted" or "eligible" or "mobilized" ? stage : null
        );
        var result = await records.LoadAsync(q, ct);
        if (result is null)
            return NotFound();
        Result = result;
        return Page();
    }
}
