using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>The officer records a tranche paid to the enterprise. The total paid never exceeds the approved amount
/// (rule in Core, CHECK constraint in the database); the budget's disbursed total rises in the same
/// transaction.</summary>
public sealed class DisburseSupportTranche(
    AppDbContext db,
    TimeProvider time,
    SupportNotifier notifier,
    SupportBudgetAudit audit
)
{
    public async Task ExecuteAsync(
        SupportApplication a,
        int seenVersion,
        string userId,
        long amountVnd,
        DateOnly paidOn,
        string reference,
        CancellationToken ct = default
    )
    {
        SupportVersion.Expect(db, a, seenVersion);
        if (paidOn > VietnamTime.Today(time))
            throw new DomainException("PaidOn", "Ngày chi không được sau hôm nay.");
        if (reference.Length > 100)
            throw new DomainException("Reference", "Số chứng từ tối đa 100 ký tự.");
        var tranche = a.Disburse(amountVnd, paidOn, reference, userId, time.GetUtcNow());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE "SupportBudgets" SET "DisbursedVnd" = "DisbursedVnd" + {amountVnd}, "Version" = "Version" + 1
            WHERE "ProgramId" = {a.ProgramId} AND "Year" = {a.Year} AND "DisbursedVnd" + {amountVnd} <= "CommittedVnd"
            """,
            ct
        );
        if (rows != 1)
            throw new DomainException("Amount", "Số tiền giải ngân vượt số đã cam kết của ngân sách.");
        await audit.RecordAsync(a.ProgramId, a.Year, nameof(SupportBudget.DisbursedVnd), amountVnd, ct);
        await notifier.NotifyEnterpriseAsync(
            a,
            $"Giải ngân đợt {tranche.Number} cho hồ sơ {a.Code}",
            $"Đã giải ngân {VnFormat.Vnd(amountVnd)} đồng (chứng từ {tranche.Reference}, "
                + $"ngày {VnFormat.Date(paidOn)}). "
                + $"Tổng đã giải ngân: {VnFormat.Vnd(a.DisbursedVnd)} / {VnFormat.Vnd(a.ApprovedVnd ?? 0)} đồng.",
            ct
        );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
