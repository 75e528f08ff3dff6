using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Puts the proposed list on the public site for the comment window (lấy ý kiến). Dossiers go Scored →
/// PublishedForComment.</summary>
public sealed class PublishResultsForComment(AppDbContext db, ICurrentUser user, TimeProvider time)
{
    public async Task ExecuteAsync(int roundId, DateOnly opens, DateOnly closes, CancellationToken ct)
    {
        if (closes < opens)
            throw new DomainException("CommentWindow", "Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu.");
        var council = await db.Councils.FirstOrDefaultAsync(c => c.RoundId == roundId, ct)
            ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        if (council.Stage == CouncilStage.Scoring)
            throw new DomainException("NotConfirmed", "Hội đồng chưa xác nhận kết quả.");
        if (council.Stage != CouncilStage.Confirmed)
            throw new DomainException("AlreadyPublished", "Danh sách đã được công bố lấy ý kiến.");
        var round = await db.Rounds.FirstAsync(r => r.Id == roundId, ct);
        round.CommentOpens = opens;
        round.CommentCloses = closes;
        var now = time.GetUtcNow();
        foreach (
            var d in await db
                .Dossiers.Where(d => d.RoundId == roundId && d.State == DossierState.Scored)
                .ToListAsync(ct)
        )
            d.Apply(DossierState.PublishedForComment, Actor.Officer, user.Id ?? "", now);
        council.Apply(CouncilStage.PublishedForComment, Actor.Officer, now);
        await db.SaveChangesAsync(ct);
    }
}
