using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Anyone may comment on the published list while the window is open, optionally about one product.</summary>
public sealed class SendPublicComment(AppDbContext db, TimeProvider time)
{
    public async Task ExecuteAsync(
        int roundId,
        int? dossierId,
        string name,
        string contact,
        string content,
        CancellationToken ct
    )
    {
        var round = await db.Rounds.FirstAsync(r => r.Id == roundId, ct);
        var now = time.GetUtcNow();
        if (!round.IsInCommentWindow(now))
            throw new DomainException("CommentWindowClosed", "Thời gian lấy ý kiến đã kết thúc hoặc chưa bắt đầu.");
        if (
            dossierId is { } id
            && !await db.Dossiers.AnyAsync(
                d => d.Id == id && d.RoundId == roundId && d.State == DossierState.PublishedForComment,
                ct
            )
        )
            throw new DomainException("ProductNotListed", "Sản phẩm không có trong danh sách lấy ý kiến.");
        db.PublicComments.Add(
            new PublicComment
            {
                RoundId = roundId,
                DossierId = dossierId,
                Name = name.Trim(),
                Contact = contact.Trim(),
                Content = content.Trim(),
                ReceivedAt = now,
            }
        );
        await db.SaveChangesAsync(ct);
    }
}
