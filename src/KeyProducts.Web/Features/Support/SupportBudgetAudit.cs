using System.Globalization;
using System.Text.Json;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>The budget row changes through conditional UPDATEs that the change tracker never sees, so each one writes
/// its audit entry here, in the caller's transaction, saved with the caller's next SaveChanges.</summary>
public sealed class SupportBudgetAudit(AppDbContext db, ICurrentUser user, TimeProvider time)
{
    /// <summary>Reads the row as it is now (inside the caller's transaction) and records the change of
    /// <paramref name="field"/> by <paramref name="delta"/>.</summary>
    public async Task RecordAsync(int programId, int year, string field, long delta, CancellationToken ct)
    {
        var b = await db
            .SupportBudgets.AsNoTracking()
            .Where(x => x.ProgramId == programId && x.Year == year)
            .Select(x => new
            {
                x.Id,
                x.AllocatedVnd,
                x.CommittedVnd,
                x.DisbursedVnd,
            })
            .FirstAsync(ct);
        var after = field switch
        {
            nameof(SupportBudget.AllocatedVnd) => b.AllocatedVnd,
            nameof(SupportBudget.CommittedVnd) => b.CommittedVnd,
            _ => b.DisbursedVnd,
        };
        db.AuditEntries.Add(
            new AuditEntry
            {
                At = time.GetUtcNow(),
                UserId = user.Id,
                UserName = user.Name,
                EntityType = nameof(SupportBudget),
                EntityId = b.Id.ToString(CultureInfo.InvariantCulture),
                Action = "Modified",
                TraceId = user.TraceId,
                Changes = JsonSerializer.Serialize(
                    new Dictionary<string, object> { [field] = new { before = after - delta, after } }
                ),
            }
        );
    }
}
