using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat.Support;

/// <summary>Enterprise-times supported and amounts per program, year, sector and commune; budget used against
/// allocated. Everything comes from <see cref="ISupportStatistics"/>, which the KPI dashboard also calls.</summary>
public class ReportModel(AppDbContext db, ISupportStatistics statistics) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public SupportReport Report { get; private set; } = null!;
    public List<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await db
            .SupportBudgets.AsNoTracking()
            .Select(b => b.Year)
            .Distinct()
            .OrderByDescending(y => y)
            .ToListAsync(ct);
        if (Year is { } y && !Years.Contains(y))
            Year = null;
        Report = await statistics.ReportAsync(Year, ct);
    }
}
