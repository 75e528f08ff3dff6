using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat.Support;

/// <summary>The support programs with this year's budget use.</summary>
public class ProgramsModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(SupportProgram Program, SupportBudget? Budget, int Calls);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Year { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = VietnamTime.Today(time).Year;
        var year = Year;
        Rows = (
            await (
                from p in db.SupportPrograms.AsNoTracking()
                join b in db.SupportBudgets.Where(b => b.Year == year) on p.Id equals b.ProgramId into bs
                from b in bs.DefaultIfEmpty()
                orderby p.Active descending, p.EndYear descending, p.Code
                select new
                {
                    p,
                    b,
                    Calls = db.SupportCalls.Count(c => c.ProgramId == p.Id),
                }
            ).ToListAsync(ct)
        ).Select(x => new Row(x.p, x.b, x.Calls)).ToList();
    }
}
