using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>Sets the reporting window of a year (opens, deadline, reminder lead time); audited.</summary>
public sealed class OpenReportingWindow(AppDbContext db)
{
    public async Task<AnnualReportWindow> ExecuteAsync(
        int year,
        DateOnly opens,
        DateOnly deadline,
        int remindDaysBefore,
        CancellationToken ct
    )
    {
        var w = await db.AnnualReportWindows.FirstOrDefaultAsync(x => x.Year == year, ct);
        if (w is null)
        {
            w = new AnnualReportWindow { Year = year };
            db.AnnualReportWindows.Add(w);
        }
        (w.Opens, w.Deadline, w.RemindDaysBefore) = (opens, deadline, remindDaysBefore);
        w.Validate();
        await db.SaveChangesAsync(ct);
        return w;
    }
}
