using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>An officer records the answer to a public comment and how it was handled.</summary>
public sealed class AnswerPublicComment(AppDbContext db, TimeProvider time)
{
    public async Task ExecuteAsync(int commentId, string response, string handling, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(response)) throw new DomainException("ResponseRequired", "Cần nhập nội dung trả lời.");
        var comment = await db.PublicComments.FirstOrDefaultAsync(c => c.Id == commentId, ct) ?? throw new DomainException("CommentNotFound", "Không tìm thấy ý kiến.");
        comment.Response = response.Trim();
        comment.Handling = string.IsNullOrWhiteSpace(handling) ? null : handling.Trim();
        comment.AnsweredAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
