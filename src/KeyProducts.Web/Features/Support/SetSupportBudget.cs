using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>An officer sets the budget allocated to a program for a year. It can never drop below what is already
/// committed: the change is one conditional UPDATE, so a parallel approval cannot slip between check and
/// write.</summary>
public sealed class SetSupportBudget(AppDbContext db, SupportBudgetAudit audit)
{
    public async Task ExecuteAsync(int programId, int year, long allocatedVnd, CancellationToken ct = default)
    {
        var program = await db.SupportPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct)
            ?? throw new DomainException("NoProgram", "Không tìm thấy chương trình hỗ trợ.");
        if (allocatedVnd < 0)
            throw new DomainException("Allocated", "Ngân sách không được âm.");
        if (year < program.StartYear || year > program.EndYear)
            throw new DomainException(
                "Year",
                "Năm {0} nằm ngoài giai đoạn {1}–{2} của chương trình.",
                year,
                program.StartYear,
                program.EndYear
            );
        if (!await db.SupportBudgets.AnyAsync(b => b.ProgramId == programId && b.Year == year, ct))
        {
            db.SupportBudgets.Add(
                new SupportBudget
                {
                    ProgramId = programId,
                    Year = year,
                    AllocatedVnd = allocatedVnd,
                }
            );
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await db
            .SupportBudgets.Where(b => b.ProgramId == programId && b.Year == year)
            .Select(b => b.AllocatedVnd)
            .FirstAsync(ct);
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            UPDATE "SupportBudgets" SET "AllocatedVnd" = {allocatedVnd}, "Version" = "Version" + 1
            WHERE "ProgramId" = {programId} AND "Year" = {year} AND "CommittedVnd" <= {allocatedVnd}
            """,
            ct
        );
        if (rows == 0)
        {
            var committed = await db
                .SupportBudgets.Where(b => b.ProgramId == programId && b.Year == year)
                .Select(b => b.CommittedVnd)
                .FirstAsync(ct);
            throw new DomainException(
                "Allocated",
                "Ngân sách không thể thấp hơn số đã cam kết ({0} đ).",
                VnFormat.Vnd(committed)
            );
        }
        await audit.RecordAsync(programId, year, nameof(SupportBudget.AllocatedVnd), allocatedVnd - before, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
