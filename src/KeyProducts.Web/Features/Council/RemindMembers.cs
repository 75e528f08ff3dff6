using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>E-mails each member who still has dossiers to score, with how many are left.</summary>
public sealed class RemindMembers(AppDbContext db, CouncilProgress progress, MailOutbox outbox)
{
    public async Task<int> ExecuteAsync(int roundId, CancellationToken ct)
    {
        var board = await progress.BoardAsync(roundId, ct)
            ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        var pending = board.Members.Where(m => m.UserId is not null && m.Pending > 0).ToList();
        var ids = pending.Select(m => m.UserId!).ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", ct);
        var deadline = board.Deadline is { } d ? $" trước ngày {VnFormat.Date(d)}" : "";
        foreach (var m in pending)
        {
            // Counted up to 1,001 (the board's count, decision 0016): past 1,000 the mail says "more than 1,000".
            var left = m.PendingIsExact ? VnFormat.Vnd(m.Pending) : "hơn " + VnFormat.Vnd(DossierPaging.MaxExactTotal);
            outbox.Enqueue(
                emails[m.UserId!],
                "Nhắc chấm điểm hồ sơ SPCNCL",
                $"Kính gửi {m.Name},\n\nĐồng chí còn {left} hồ sơ chưa nộp phiếu chấm{deadline}. Vui lòng đăng "
                    + $"nhập mục Chấm điểm để hoàn thành.\n\nTổ thư ký Hội đồng"
            );
            outbox.Notify(m.UserId!, $"Còn {left} hồ sơ chưa nộp phiếu chấm.", "/Council");
        }
        await db.SaveChangesAsync(ct);
        return pending.Count;
    }
}
