using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Public;

/// <summary>Tra cứu hồ sơ: anyone holding a dossier's receipt code and its enterprise's tax code sees the dossier's
/// status and
/// dates, without signing in. Nothing else is shown (no product, no enterprise name), a wrong code and a wrong tax code
/// get
/// the same answer from the same single query, and posts are rate limited per client (RateLimits:Lookup).</summary>
public class StatusModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class LookupInput
    {
        [Required(ErrorMessage = "Nhập mã hồ sơ.")]
        [StringLength(40)]
        [Display(Name = "Mã hồ sơ")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Nhập mã số thuế của doanh nghiệp.")]
        [StringLength(40)]
        [Display(Name = "Mã số thuế")]
        public string? TaxCode { get; set; }
    }

    public sealed record Found(string Code, DossierState State, DateTimeOffset? SubmittedAt, DateTimeOffset? ChangedAt);

    [BindProperty]
    public LookupInput Input { get; set; } = new();

    public Found? Result { get; private set; }
    public bool Unknown { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var code = Input.Code?.Trim().ToUpperInvariant();
        if (ModelState.IsValid && !DocumentCodes.LooksLikeReceipt(code))
            ModelState.AddModelError(
                "Input.Code",
                l["Mã hồ sơ có dạng SPCNCL-2026-0001 (in trên giấy biên nhận hồ sơ)."]
            );
        TaxCode tax = default;
        if (ModelState.IsValid && !Core.Common.TaxCode.TryParse(Input.TaxCode, out tax))
            ModelState.AddModelError(
                "Input.TaxCode",
                l["Mã số thuế không hợp lệ: gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc."]
            );
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var taxCode = tax.Value;
        Result = await db
            .Dossiers.AsNoTracking()
            .Where(d => d.Code == code && db.Enterprises.Any(e => e.Id == d.EnterpriseId && e.TaxCode == taxCode))
            .Select(d => new Found(d.Code!, d.State, d.SubmittedAt, d.StateChangedAt))
            .FirstOrDefaultAsync(ct);
        Unknown = Result is null;
        return Page();
    }
}
