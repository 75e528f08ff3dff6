using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>The secretary reopens a submitted sheet with a reason (kept on the sheet and in the audit log).</summary>
public sealed class ReopenScoreSheet(AppDbContext db, MailOutbox outbox)
{
    public async Task ExecuteAsync(int sheetId, string reason, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct)
            ?? throw new DomainException("SheetNotFound", "Không tìm thấy phiếu chấm.");
        var councilId = await db
            .CouncilMembers.Where(m => m.Id == sheet.MemberId)
            .Select(m => m.CouncilId)
            .FirstAsync(ct);
        await db.EnsureScoringOpenAsync(councilId, ct);
        sheet.Reopen(reason);
        var userId = await db
            .CouncilMembers.Where(m => m.Id == sheet.MemberId)
            .Select(m => m.UserId)
            .FirstOrDefaultAsync(ct);
        if (userId is not null)
            outbox.Notify(
                userId,
                $"Tổ thư ký đã mở lại phiếu chấm của bạn: {sheet.ReopenReason}",
                $"/Council/Sheet/{sheet.DossierId}"
            );
        await db.SaveChangesAsync(ct);
    }
}
