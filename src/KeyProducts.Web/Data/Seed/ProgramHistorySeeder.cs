using KeyProducts.Web.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>Loads the public targets and figures shipped with the system (program.md §6–7) in Development,
/// after the demo rounds and recognitions, exactly as the officer's import action does.</summary>
public sealed class ProgramHistorySeeder : IDemoSeeder
{
    public int Order => 65;

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        if (!await ctx.Db.AnnualReportWindows.AnyAsync(ct))
        {
            // Reports on last year's figures are due in the first quarter of this year.
            var year = KeyProducts.Core.Common.VietnamTime.Today(ctx.Time).Year;
            ctx.Db.AnnualReportWindows.Add(
                new KeyProducts.Core.Program.AnnualReportWindow
                {
                    Year = year - 1,
                    Opens = new DateOnly(year, 1, 1),
                    Deadline = new DateOnly(year, 3, 31),
                }
            );
            await ctx.Db.SaveChangesAsync(ct);
        }
        if (await ctx.Db.Measurements.AnyAsync(ct))
            return;
        var outcome = await ctx.Services.GetRequiredService<ImportProgramData>().ImportShippedAsync(ct);
        if (!outcome.Succeeded)
            throw new InvalidOperationException(
                "The shipped program data does not import: "
                    + string.Join("; ", outcome.Errors.Select(e => $"{e.Sheet} {e.Line}: {e.Message}"))
            );
    }
}
