using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Certificates;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>Records the city's recognition decision and offers the draft decision (.docx).
/// Certificates are issued by the certificates capability from the recorded decision.</summary>
public class DecisionModel(
    AppDbContext db,
    CouncilQueries queries,
    RecordRecognitionDecision record,
    IStringLocalizer<SharedResource> l
) : CouncilPage(queries, l)
{
    public sealed class DecisionForm
    {
        [Required(ErrorMessage = "Nhập số quyết định.")]
        [Display(Name = "Số, ký hiệu quyết định")]
        public string? Number { get; set; }

        [Required(ErrorMessage = "Nhập ngày quyết định.")]
        [Display(Name = "Ngày ký")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Nhập người ký.")]
        [StringLength(200)]
        [Display(Name = "Người ký")]
        public string? Signer { get; set; }

        [StringLength(200)]
        [Display(Name = "Chức vụ người ký")]
        public string? SignerTitle { get; set; } = "Phó Chủ tịch UBND Thành phố";
        public List<int> Recognized { get; set; } = [];
        public List<int> Top10 { get; set; } = [];
    }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();
    public RoundResultsView? View { get; private set; }
    public RecognitionDecision? Recorded { get; private set; }
    public IReadOnlyList<ResultRow> Proposed { get; private set; } = [];
    public IReadOnlyList<(Recognition R, string Product, string Enterprise)> Recognitions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Input.Recognized = Proposed.Select(p => p.Result.DossierId).ToList();
        Input.Top10 = Proposed.Where(p => p.Result.InTopN).Select(p => p.Result.DossierId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        if (!DocumentNumber.TryParse(Input.Number, out _))
        {
            ModelState.AddModelError("Input.Number", L["Số quyết định không đúng dạng (ví dụ 5012/QĐ-UBND)."]);
            return Page();
        }
        return await RunAsync(
            async () =>
            {
                await record.ExecuteAsync(
                    Round.Id,
                    new DecisionInput(
                        Input.Number!,
                        Input.Date!.Value,
                        Input.Signer!,
                        Input.SignerTitle ?? "",
                        Input.Recognized.ToHashSet(),
                        Input.Top10.ToHashSet()
                    ),
                    ct
                );
                return "Đã ghi nhận quyết định công nhận và thông báo cho doanh nghiệp.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
            return false;
        if (Council is null)
            return true;
        View = await Queries.ResultsAsync(Round, ct);
        Proposed = View.Rows.Where(r => r.State == DossierState.Proposed).ToList();
        Recorded = await db.RecognitionDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.RoundId == Round.Id, ct);
        if (Recorded is not null)
        {
            var id = Recorded.Id;
            Recognitions = (
                await (
                    from r in db.Recognitions.AsNoTracking()
                    join p in db.Products on r.ProductId equals p.Id
                    join e in db.Enterprises on r.EnterpriseId equals e.Id
                    where r.DecisionId == id
                    orderby r.AverageScoreHundredths descending
                    select new
                    {
                        r,
                        p.Name,
                        e.NameVi,
                    }
                ).ToListAsync(ct)
            ).Select(x => (x.r, x.Name, x.NameVi)).ToList();
        }
        return true;
    }
}
