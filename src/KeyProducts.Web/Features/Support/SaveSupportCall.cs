using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

public sealed record SupportCallFields(
    int Year,
    string Title,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    string DocumentsAsked
);

/// <summary>An officer creates or edits a program's yearly call. The year's budget row is opened with the program's
/// yearly budget when the first call of that year is saved.</summary>
public sealed class SaveSupportCall(AppDbContext db)
{
    public async Task<SupportCall> ExecuteAsync(
        int programId,
        int? id,
        int seenVersion,
        SupportCallFields f,
        CancellationToken ct = default
    )
    {
        var program = await db.SupportPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct)
            ?? throw new DomainException("NoProgram", "Không tìm thấy chương trình hỗ trợ.");
        SupportCall call;
        if (id is { } cid)
        {
            call = await db.SupportCalls.FirstOrDefaultAsync(c => c.Id == cid && c.ProgramId == programId, ct)
                ?? throw new DomainException("NoCall", "Không tìm thấy đợt kêu gọi.");
            if (call.Version != seenVersion)
                throw new DomainException(
                    "Changed",
                    "Đợt kêu gọi vừa được người khác thay đổi. Vui lòng tải lại trang."
                );
            db.Entry(call).Property(x => x.Version).OriginalValue = seenVersion;
            if (call.Year != f.Year && await db.SupportApplications.AnyAsync(a => a.CallId == cid, ct))
                throw new DomainException(nameof(SupportCall.Year), "Đợt kêu gọi đã có hồ sơ: không thể đổi năm.");
        }
        else
        {
            call = new SupportCall { ProgramId = programId };
            db.SupportCalls.Add(call);
        }
        call.Year = f.Year;
        call.Title = f.Title.Trim();
        call.OpensOn = f.OpensOn;
        call.ClosesOn = f.ClosesOn;
        call.DocumentsAsked = string.Join(
            "\n",
            f.DocumentsAsked.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        );
        call.Validate(program);
        if (!await db.SupportBudgets.AnyAsync(b => b.ProgramId == programId && b.Year == f.Year, ct))
            db.SupportBudgets.Add(
                new SupportBudget
                {
                    ProgramId = programId,
                    Year = f.Year,
                    AllocatedVnd = program.YearlyBudgetVnd,
                }
            );
        await db.SaveChangesAsync(ct);
        return call;
    }
}
