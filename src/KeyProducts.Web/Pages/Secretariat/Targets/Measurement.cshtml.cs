using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Targets;

/// <summary>A published figure (history) or a city denominator (statistics office) with its source.</summary>
public class MeasurementModel(AppDbContext db, SaveMeasurement save, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class MeasurementInput
    {
        public KpiIndicator Indicator { get; set; }

        [Range(1990, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int Year { get; set; }

        [Range(1990, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int? FromYear { get; set; }

        [Required(ErrorMessage = "Nhập giá trị.")]
        [Range(
            typeof(decimal),
            "-1000000000",
            "1000000000",
            ParseLimitsInInvariantCulture = true,
            ErrorMessage = "Giá trị quá lớn, kiểm tra lại đơn vị."
        )]
        public decimal? Value { get; set; }
        public FigureBasis Basis { get; set; }

        [Range(1990, 2100, ErrorMessage = "Năm không hợp lệ.")]
        public int? ReferenceYear { get; set; }
        public bool IsEstimate { get; set; }

        [Required(ErrorMessage = "Nhập nguồn của số liệu.")]
        public string Source { get; set; } = "";
        public string? Notes { get; set; }
        public int Version { get; set; }
    }

    [BindProperty]
    public MeasurementInput Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Input.Year = VietnamTime.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>()).Year - 1;
            return Page();
        }
        var m = await db.Measurements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
            return NotFound();
        Input = new MeasurementInput
        {
            Indicator = m.Indicator,
            Year = m.Year,
            FromYear = m.FromYear,
            Value = m.Value,
            Basis = m.Basis,
            ReferenceYear = m.ReferenceYear,
            IsEstimate = m.IsEstimate,
            Source = m.Source,
            Notes = m.Notes,
            Version = m.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null && !await db.Measurements.AnyAsync(m => m.Id == id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return Fail(400);
        try
        {
            var i = Input;
            await save.ExecuteAsync(
                id,
                i.Version,
                new Measurement
                {
                    Indicator = i.Indicator,
                    Year = i.Year,
                    FromYear = i.FromYear,
                    Value = i.Value!.Value,
                    Basis = i.Basis,
                    ReferenceYear = i.ReferenceYear,
                    IsEstimate = i.IsEstimate,
                    Source = i.Source,
                    Notes = string.IsNullOrWhiteSpace(i.Notes) ? null : i.Notes.Trim(),
                },
                ct
            );
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", l["Số liệu vừa được người khác thay đổi. Vui lòng tải lại trang."]);
            return Fail(409);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(
                e.Code switch
                {
                    "MeasurementValue" => "Input.Value",
                    "MeasurementBasis" => "Input.Basis",
                    "MeasurementSource" => "Input.Source",
                    "MeasurementUnit" => "Input.Indicator",
                    _ => "Input.Year",
                },
                e.Localized(l)
            );
            return Fail(400);
        }
        TempData["Flash"] = l["Đã lưu số liệu."].Value;
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        try
        {
            await save.DeleteAsync(id, ct);
        }
        catch (DomainException)
        {
            return NotFound();
        }
        TempData["Flash"] = l["Đã xóa số liệu."].Value;
        return RedirectToPage("Index");
    }

    private PageResult Fail(int status)
    {
        db.ChangeTracker.Clear();
        Response.StatusCode = status;
        return Page();
    }
}
