using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>An officer records the answer to a public comment and how it was handled; the answer is published and
/// mailed to the commenter when the contact given is an e-mail address.</summary>
public sealed class AnswerPublicComment(AppDbContext db, TimeProvider time, MailOutbox outbox)
{
    public async Task ExecuteAsync(int commentId, string response, string handling, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(response))
            throw new DomainException("ResponseRequired", "Cần nhập nội dung trả lời.");
        var comment = await db.PublicComments.FirstOrDefaultAsync(c => c.Id == commentId, ct)
            ?? throw new DomainException("CommentNotFound", "Không tìm thấy ý kiến.");
        comment.Response = response.Trim();
        comment.Handling = string.IsNullOrWhiteSpace(handling) ? null : handling.Trim();
        var first = comment.AnsweredAt is null;
        comment.AnsweredAt = time.GetUtcNow();
        // The answer is published on the comments page; a commenter who left an e-mail address also receives it.
        if (first && MailAddresses.IsDeliverable(comment.Contact))
        {
            var year = await db.Rounds.Where(r => r.Id == comment.RoundId).Select(r => r.Year).FirstAsync(ct);
            outbox.Enqueue(
                comment.Contact,
                $"Trả lời ý kiến góp ý kết quả xét chọn SPCNCL năm {year}",
                $"Kính gửi {comment.Name},\n\nTổ thư ký Hội đồng xét chọn sản phẩm công nghiệp chủ lực thành phố Hà "
                    + $"Nội trả lời ý kiến "
                    + $"của Quý vị gửi ngày {VnFormat.Date(comment.ReceivedAt)}:\n\n« {comment.Content} "
                    + $"»\n\n{comment.Response}\n\n"
                    + $"Câu trả lời được công khai tại trang /Public/Comments/{year}.\n\nTrân trọng."
            );
        }
        await db.SaveChangesAsync(ct);
    }
}
