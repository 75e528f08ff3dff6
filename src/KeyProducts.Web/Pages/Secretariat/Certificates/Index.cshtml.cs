using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat.Certificates;

/// <summary>Officers issue the certificates of a decision, reissue one (old serial superseded), download, and
/// revoke.</summary>
public class IndexModel(
    AppDbContext db,
    CertificateQueries certificates,
    CertificateAccess access,
    CertificatePdf pdf,
    IssueCertificates issue,
    ReissueCertificate reissue,
    RevokeRecognition revoke,
    Features.Program.KpiCache kpis,
    Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.Localization.SharedResource> L
) : PageModel
{
    public sealed record DecisionRow(int Id, int Year, string Number, DateOnly Date, int Recognitions, int Missing);

    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];
    public IReadOnlyList<CertificateView> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Keyset paging (decision 0012): the newest certificates first, by id; <c>after</c> is the last id of
    /// the previous page, <c>before</c> the first id of the next one. No offset and no count of all certificates, so
    /// page 1,000 costs what page 1 does.</summary>
    [BindProperty(SupportsGet = true)]
    public int? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    public bool IsFirstPage { get; private set; } = true;

    /// <summary>Rows per page: the page once listed 200 certificates with a revocation form each (537 KB).</summary>
    public const int PageSize = 50;
    public bool HasNext { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public RevokeInput Revocation { get; set; } = new();

    public sealed class RevokeInput
    {
        public int RecognitionId { get; set; }

        [
            Required(ErrorMessage = "Cần nêu lý do thu hồi."),
            StringLength(1000, ErrorMessage = "Lý do tối đa 1000 ký tự.")
        ]
        [Display(Name = "Lý do thu hồi")]
        public string? Reason { get; set; }

        [
            Required(ErrorMessage = "Cần nêu số văn bản thu hồi."),
            StringLength(100, ErrorMessage = "Số văn bản tối đa 100 ký tự.")
        ]
        [Display(Name = "Số văn bản thu hồi")]
        public string? Document { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The list's address with the search kept and a cursor: "after" or "before" an id, or none (first
    /// page).</summary>
    public string PageUrl(string? cursor = null, int id = 0) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/Secretariat/Certificates",
            new Dictionary<string, string?>
            {
                ["q"] = Q,
                [cursor ?? "after"] = cursor is null
                    ? null
                    : id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }.Where(kv => !string.IsNullOrEmpty(kv.Value))
        );

    public async Task<IActionResult> OnPostIssueAsync(int decisionId, CancellationToken ct)
    {
        var n = await issue.RunAsync(decisionId, ct);
        Message = n == 0 ? L["Không có giấy chứng nhận nào cần cấp."] : L["Đã cấp {0} giấy chứng nhận.", n];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReissueAsync(int id, CancellationToken ct)
    {
        var fresh = await reissue.RunAsync(id, ct);
        Message = L["Đã cấp lại giấy chứng nhận số {0}.", fresh.Serial];
        return RedirectToPage(new { q = fresh.Serial });
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await revoke.RunAsync(Revocation.RecognitionId, Revocation.Reason, Revocation.Document, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, Infrastructure.Localization.DomainExceptionText.Localized(e, L));
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Message = L["Đã thu hồi công nhận."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        var c = await access.FindAsync(User, id, ct);
        if (c is null)
            return NotFound();
        return File(
            pdf.Render(c, CertificatesRegistration.PublicBaseUrl(HttpContext)),
            "application/pdf",
            $"{c.Serial}.pdf"
        );
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Counting every recognition of every decision against its certificates reads them all (0.7 s at 200,000):
        // kept per KPI generation, which a new certificate, decision or revocation moves on.
        Decisions = await kpis.GetAsync("secretariat-certificate-decisions", DecisionsAsync, ct);
        var query = certificates.Views();
        var q = (Q ?? "").Trim();
        if (q.Length is > 0 and <= 100)
        {
            var pattern = SearchText.LikePattern(SearchText.Query(q));
            var upper = q.ToUpperInvariant();
            query = query.Where(c =>
                c.Serial == upper || c.TaxCode == q || EF.Functions.Like(c.ProductSearchText, pattern, "\\")
            );
        }
        // No count of all certificates: one more row than the page tells whether another page exists.
        if (Before is { } before)
        {
            var earlier = await query.Where(c => c.Id > before).OrderBy(c => c.Id).Take(PageSize + 1).ToListAsync(ct);
            if (earlier.Count > PageSize)
            {
                IsFirstPage = false;
                Items = earlier.Take(PageSize).Reverse().ToList();
                var last = Items[^1].Id;
                HasNext = await query.AnyAsync(c => c.Id < last, ct);
                return;
            }
            After = null; // back at the start: the first page, whole
        }
        if (After is { } after)
        {
            IsFirstPage = false;
            query = query.Where(c => c.Id < after);
        }
        var rows = await query.OrderByDescending(c => c.Id).Take(PageSize + 1).ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Items = rows.Take(PageSize).ToList();
    }

    private async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(CancellationToken ct) =>
        await db
            .RecognitionDecisions.AsNoTracking()
            .OrderByDescending(d => d.Date)
            .Select(d => new DecisionRow(
                d.Id,
                db.Rounds.Where(r => r.Id == d.RoundId).Select(r => r.Year).First(),
                d.Number,
                d.Date,
                db.Recognitions.Count(r => r.DecisionId == d.Id),
                db.Recognitions.Count(r =>
                    r.DecisionId == d.Id
                    && r.RevokedAt == null
                    && !db.Certificates.Any(c =>
                        c.RecognitionId == r.Id
                        && c.SupersededById == null
                        && c.Kind == Core.Recognition.CertificateKind.Standard
                    )
                )
                    + db.Recognitions.Count(r =>
                        r.DecisionId == d.Id
                        && r.RevokedAt == null
                        && r.Top10
                        && !db.Certificates.Any(c =>
                            c.RecognitionId == r.Id
                            && c.SupersededById == null
                            && c.Kind == Core.Recognition.CertificateKind.Top10
                        )
                    )
            ))
            .ToListAsync(ct);
}
