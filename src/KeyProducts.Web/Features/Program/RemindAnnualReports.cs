using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>Mails every enterprise due for the year that has not submitted: before the deadline a reminder,
/// after it an overdue notice. Returns how many mails were queued.</summary>
public sealed class RemindAnnualReports(
    AppDbContext db,
    AnnualReportQueries queries,
    MailOutbox mail,
    TimeProvider time
)
{
    public async Task<int> ExecuteAsync(int year, CancellationToken ct)
    {
        var w = await db.AnnualReportWindows.FirstOrDefaultAsync(x => x.Year == year, ct)
            ?? throw new DomainException("NoWindow", "Chưa đặt kỳ báo cáo năm {0}.", year);
        var today = VietnamTime.Today(time);
        if (today < w.Opens)
            throw new DomainException("WindowClosed", "Kỳ báo cáo năm {0} chưa mở.", year);
        var pending = (await queries.DueAsync(year, ct))
            .Where(d => !AnnualReportQueries.HasSubmitted(d) && !string.IsNullOrWhiteSpace(d.Email))
            .ToList();
        foreach (var d in pending)
        {
            var overdue = w.IsOverdue(today);
            mail.Enqueue(
                d.Email,
                (overdue ? "Quá hạn" : "Nhắc") + $" nộp báo cáo năm {year} — sản phẩm công nghiệp chủ lực Hà Nội",
                $"Kính gửi {d.Enterprise},\n\nDoanh nghiệp có sản phẩm công nghiệp chủ lực còn hiệu lực trong năm "
                    + $"{year} "
                    + $"cần nộp báo cáo năm (doanh thu, giá trị sản xuất, xuất khẩu, lao động, chi nghiên cứu phát "
                    + $"triển) "
                    + $"trước ngày {VnFormat.Date(w.Deadline)}."
                    + (overdue ? " Hạn nộp đã qua; đề nghị doanh nghiệp nộp ngay." : "")
                    + "\n\nĐăng nhập hệ thống, mục Báo cáo năm, để nhập và nộp báo cáo."
            );
        }
        w.LastReminderAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return pending.Count;
    }
}
