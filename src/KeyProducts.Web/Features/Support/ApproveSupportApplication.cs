using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>The officer approves an amount no higher than the program's rules allow, and commits it against the
/// program's budget of the year. The budget can never be over-committed, even when officers approve at the same
/// moment: the commitment is one conditional UPDATE (committed + amount &lt;= allocated) whose affected-row count is
/// checked, in the same transaction as the approval; a CHECK constraint on the table backs it up. The UPDATE also
/// locks the budget row, so the per-enterprise cap is recomputed after it, when no parallel approval of the same
/// program and year can still change the enterprise's commitments.</summary>
public sealed class ApproveSupportApplication(
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
        CancellationToken ct = default
    )
    {
        SupportVersion.Expect(db, a, seenVersion);
        if (!SupportTransitions.AwaitingOfficer.Contains(a.State))
            throw new IllegalSupportTransitionException(a.State, SupportState.Approved, Actor.Officer);
        if (amountVnd <= 0)
            throw new DomainException("Amount", "Số tiền phê duyệt phải là số nguyên dương (đồng).");
        // A first check outside the lock gives the precise rule message without waiting for other approvals.
        Check(amountVnd, await SupportAmounts.ComputeAsync(db, a, ct));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE "SupportBudgets" SET "CommittedVnd" = "CommittedVnd" + {amountVnd}, "Version" = "Version" + 1
            WHERE "ProgramId" = {a.ProgramId} AND "Year" = {a.Year} AND "CommittedVnd" + {amountVnd} <= "AllocatedVnd"
            """,
            ct
        );
        if (rows != 1)
        {
            var budget = await db
                .SupportBudgets.AsNoTracking()
                .FirstOrDefaultAsync(b => b.ProgramId == a.ProgramId && b.Year == a.Year, ct);
            if (budget is null)
                throw new DomainException("Amount", "Chương trình chưa có ngân sách năm {0}.", a.Year);
            throw new DomainException(
                "Amount",
                "Vượt ngân sách: ngân sách năm {0} của chương trình chỉ còn {1} đ, không đủ để cam kết {2} đ.",
                a.Year,
                VnFormat.Vnd(Math.Max(0, budget.RemainingVnd)),
                VnFormat.Vnd(amountVnd)
            );
        }
        await audit.RecordAsync(a.ProgramId, a.Year, nameof(SupportBudget.CommittedVnd), amountVnd, ct);
        var computation = await SupportAmounts.ComputeAsync(db, a, ct);
        Check(amountVnd, computation);
        a.Approve(amountVnd, computation, userId, time.GetUtcNow());
        await notifier.NotifyEnterpriseAsync(
            a,
            $"Hồ sơ đề nghị hỗ trợ {a.Code} được phê duyệt",
            $"Hồ sơ {a.Code} được phê duyệt hỗ trợ {VnFormat.Vnd(amountVnd)} đồng."
                + (a.CapReasons is null ? "" : "\n" + a.CapReasons),
            ct
        );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static void Check(long amountVnd, SupportComputation c)
    {
        if (amountVnd > c.MaximumVnd)
            throw new DomainException(
                "Amount",
                "Số tiền {0} đ vượt mức tối đa theo quy định của chương trình ({1} đ).",
                VnFormat.Vnd(amountVnd),
                VnFormat.Vnd(c.MaximumVnd)
            );
    }
}
