using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Support;

/// <summary>Create or edit a support program and its rules; set its budget per year; list its calls.</summary>
public class ProgramModel(
    AppDbContext db,
    SaveSupportProgram save,
    SetSupportBudget setBudget,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class ProgramInput
    {
        [Required(ErrorMessage = "Cần nhập mã chương trình."), StringLength(40, ErrorMessage = "Tối đa 40 ký tự.")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Cần nhập tên chương trình."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        public string? Name { get; set; }

        [StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")]
        public string? ManagingUnit { get; set; }

        [StringLength(1000, ErrorMessage = "Tối đa 1000 ký tự.")]
        public string? LegalBasis { get; set; }

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int StartYear { get; set; }

        [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int EndYear { get; set; }
        public string? YearlyBudget { get; set; }
        public string? Rate { get; set; }
        public string? CapPerEnterprisePerYear { get; set; }
        public string? CapPerItem { get; set; }

        [StringLength(60, ErrorMessage = "Tối đa 60 ký tự.")]
        public string? ItemUnit { get; set; }

        [StringLength(4000, ErrorMessage = "Tối đa 4000 ký tự.")]
        public string? Eligibility { get; set; }
        public bool RecognizedOnly { get; set; }
        public bool SpcnclPriority { get; set; }
        public bool Active { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public ProgramInput Input { get; set; } = new();

    [BindProperty]
    public int BudgetYear { get; set; }

    [BindProperty]
    public string? BudgetAllocated { get; set; }

    public SupportProgram? Program { get; private set; }
    public IReadOnlyList<SupportBudget> Budgets { get; private set; } = [];
    public IReadOnlyList<SupportCall> Calls { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (id is not null && Program is null)
            return NotFound();
        Fill();
        BudgetYear = VietnamTime.Today(time).Year;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var budget = SupportInput.Vnd(ModelState, "Input.YearlyBudget", Input.YearlyBudget, l);
        var rate = SupportInput.Rate(ModelState, "Input.Rate", Input.Rate, l);
        var capEnterprise = SupportInput.Vnd(
            ModelState,
            "Input.CapPerEnterprisePerYear",
            Input.CapPerEnterprisePerYear,
            l,
            required: false
        );
        var capItem = SupportInput.Vnd(ModelState, "Input.CapPerItem", Input.CapPerItem, l, required: false);
        if (!ModelState.IsValid)
            return await FailAsync(id, 400, ct);
        return await RunAsync(
            id,
            "Input",
            async () =>
            {
                var p = await save.ExecuteAsync(
                    id,
                    Input.Version,
                    new SupportProgramFields(
                        Input.Code ?? "",
                        Input.Name ?? "",
                        Input.ManagingUnit ?? "",
                        Input.LegalBasis ?? "",
                        Input.StartYear,
                        Input.EndYear,
                        budget!.Value,
                        rate!.Value,
                        capEnterprise,
                        capItem,
                        Input.ItemUnit ?? "",
                        Input.Eligibility ?? "",
                        Input.RecognizedOnly,
                        Input.SpcnclPriority,
                        Input.Active
                    ),
                    ct
                );
                return p.Id;
            },
            ct
        );
    }

    public async Task<IActionResult> OnPostBudgetAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var allocated = SupportInput.Vnd(ModelState, nameof(BudgetAllocated), BudgetAllocated, l);
        if (!ModelState.IsValid)
            return await FailAsync(id, 400, ct, refill: true);
        return await RunAsync(
            id,
            nameof(BudgetAllocated),
            async () =>
            {
                await setBudget.ExecuteAsync(id, BudgetYear, allocated!.Value, ct);
                return id;
            },
            ct
        );
    }

    private async Task<IActionResult> RunAsync(int? id, string field, Func<Task<int>> action, CancellationToken ct)
    {
        if (id is { } existing && !await db.SupportPrograms.AnyAsync(p => p.Id == existing, ct))
            return NotFound();
        try
        {
            var pid = await action();
            TempData["Saved"] = true;
            return RedirectToPage("Program", new { id = pid });
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Chương trình vừa được người khác thay đổi. Vui lòng tải lại trang."]);
            return await FailAsync(id, 409, ct);
        }
        catch (DomainException ex)
        {
            var key =
                ex.Code
                    is "Code"
                        or "Name"
                        or "EndYear"
                        or "YearlyBudgetVnd"
                        or "CoFundingRateBasisPoints"
                        or "CapPerEnterprisePerYearVnd"
                        or "CapPerItemVnd"
                    ? field + "." + FieldOf(ex.Code)
                : field == "Input" ? ""
                : field;
            ModelState.AddModelError(key, ex.Localized(l));
            return await FailAsync(id, 400, ct, refill: field != "Input");
        }
    }

    private static string FieldOf(string code) =>
        code switch
        {
            "YearlyBudgetVnd" => "YearlyBudget",
            "CoFundingRateBasisPoints" => "Rate",
            "CapPerEnterprisePerYearVnd" => "CapPerEnterprisePerYear",
            "CapPerItemVnd" => "CapPerItem",
            _ => code,
        };

    private async Task<IActionResult> FailAsync(int? id, int status, CancellationToken ct, bool refill = false)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        if (id is not null && Program is null)
            return NotFound();
        if (refill)
            Fill();
        Response.StatusCode = status;
        return Page();
    }

    private void Fill()
    {
        var year = VietnamTime.Today(time).Year;
        Input = Program is { } p
            ? new ProgramInput
            {
                Code = p.Code,
                Name = p.Name,
                ManagingUnit = p.ManagingUnit,
                LegalBasis = p.LegalBasis,
                StartYear = p.StartYear,
                EndYear = p.EndYear,
                YearlyBudget = VnFormat.Vnd(p.YearlyBudgetVnd),
                Rate = SupportInput.Percent(p.CoFundingRateBasisPoints),
                CapPerEnterprisePerYear = SupportInput.Amount(p.CapPerEnterprisePerYearVnd),
                CapPerItem = SupportInput.Amount(p.CapPerItemVnd),
                ItemUnit = p.ItemUnit,
                Eligibility = p.Eligibility,
                RecognizedOnly = p.RecognizedOnly,
                SpcnclPriority = p.SpcnclPriority,
                Active = p.Active,
                Version = p.Version,
            }
            : new ProgramInput
            {
                StartYear = year,
                EndYear = year + 4,
                Rate = "100",
                SpcnclPriority = true,
                Active = true,
                ItemUnit = "hạng mục",
            };
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        if (id is not { } pid)
            return;
        Program = await db.SupportPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct);
        Budgets = await db
            .SupportBudgets.AsNoTracking()
            .Where(b => b.ProgramId == pid)
            .OrderByDescending(b => b.Year)
            .ToListAsync(ct);
        Calls = await db
            .SupportCalls.AsNoTracking()
            .Where(c => c.ProgramId == pid)
            .OrderByDescending(c => c.Year)
            .ThenByDescending(c => c.OpensOn)
            .ToListAsync(ct);
    }
}
