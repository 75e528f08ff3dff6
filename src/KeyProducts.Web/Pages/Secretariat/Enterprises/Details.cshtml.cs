using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Enterprises;

/// <summary>An enterprise's profile for officers, with products, staff, history, and the verify / reject
/// decision.</summary>
public class DetailsModel(
    EnterpriseAccess access,
    AppDbContext db,
    VerifyEnterprise verify,
    RejectEnterprise reject,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed record ProductRow(
        int Id,
        string Name,
        string? Model,
        bool IsHighTech,
        string? HighTechCode,
        string Certifications,
        int Ips
    );

    public sealed record HistoryRow(
        DateTimeOffset At,
        string UserName,
        string EntityType,
        string Action,
        string Changes
    );

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Lý do quá dài (tối đa 1.000 ký tự).")]
    [Display(Name = "Lý do từ chối")]
    public string? Reason { get; set; }

    public Enterprise Enterprise { get; private set; } = null!;
    public string? Sector { get; private set; }
    public Dictionary<string, string> Units { get; private set; } = [];
    public List<ProductRow> Products { get; private set; } = [];
    public List<(string Name, string Email, bool Owner)> Staff { get; private set; } = [];
    public List<HistoryRow> History { get; private set; } = [];

    /// <summary>Names of the records the history refers to (sectors, users, …).</summary>
    public AuditNames Names { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        await verify.RunAsync(Id, ct);
        TempData["Flash"] = l["Đã xác minh hồ sơ doanh nghiệp."].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), l["Vui lòng nêu lý do từ chối."]);
        if (!ModelState.IsValid)
            return Page();
        await reject.RunAsync(Id, Reason!, ct);
        TempData["Flash"] = l["Đã từ chối hồ sơ và gửi lý do cho doanh nghiệp."].Value;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await access.FindEnterpriseAsync(User, Id, ct) is not { } e)
            return false;
        Enterprise = e;
        Sector = await db.Sectors.Where(s => s.Id == e.SectorId).Select(s => s.NameVi).FirstOrDefaultAsync(ct);
        var codes = new[] { e.HeadOffice.CommuneCode, e.HeadOffice.DistrictCode }
            .Concat(e.Factories.Select(f => f.Address.CommuneCode))
            .OfType<string>()
            .ToList();
        Units = await db
            .AdministrativeUnits.Where(u => codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        Products = await db
            .Products.AsNoTracking()
            .Where(p => p.EnterpriseId == Id)
            .OrderBy(p => p.Name)
            .Select(p => new ProductRow(
                p.Id,
                p.Name,
                p.Model,
                p.IsHighTech,
                p.HighTechCode,
                p.Certifications,
                p.IntellectualProperties.Count
            ))
            .ToListAsync(ct);
        Staff = (
            await db
                .Users.AsNoTracking()
                .Where(u => u.EnterpriseId == Id)
                .Select(u => new
                {
                    u.DisplayName,
                    u.Email,
                    u.IsEnterpriseOwner,
                })
                .ToListAsync(ct)
        ).Select(u => (u.DisplayName, u.Email ?? "", u.IsEnterpriseOwner)).ToList();
        var key = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var productKeys = Products
            .Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        History = (
            await db
                .AuditEntries.AsNoTracking()
                .Where(a =>
                    (a.EntityType == nameof(Core.Enterprises.Enterprise) && a.EntityId == key)
                    || (a.EntityType == nameof(Product) && productKeys.Contains(a.EntityId))
                )
                .OrderByDescending(a => a.At)
                .Take(200)
                .Select(a => new HistoryRow(a.At, a.UserName, a.EntityType, a.Action, a.Changes))
                .ToListAsync(ct)
        )
            .OrderByDescending(a => a.At)
            .ToList();
        Names = await AuditNames.LoadAsync(db, History.Select(h => (h.EntityType, "", h.Changes)), ct);
        return true;
    }
}
