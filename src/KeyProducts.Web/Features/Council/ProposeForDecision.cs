using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>After the comment window, passing products are proposed to the city (Proposed); the others are not
/// recognized.</summary>
public sealed class ProposeForDecision(
    AppDbContext db,
    CouncilQueries queries,
    EnterpriseNotifier notifier,
    ICurrentUser user,
    TimeProvider time
)
{
    public async Task<int> ExecuteAsync(int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var council = await db.Councils.FirstOrDefaultAsync(c => c.RoundId == roundId, ct)
            ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        if (council.Stage != CouncilStage.PublishedForComment)
            throw new DomainException("NotPublished", "Danh sách chưa được công bố lấy ý kiến.");
        var now = time.GetUtcNow();
        if (round.CommentCloses is { } closes && now <= VietnamTime.EndOfDayUtc(closes))
            throw new DomainException(
                "CommentWindowOpen",
                "Chưa hết thời gian lấy ý kiến (đến hết ngày {0}).",
                VnFormat.Date(closes)
            );
        if (await db.PublicComments.AnyAsync(c => c.RoundId == roundId && c.AnsweredAt == null, ct))
            throw new DomainException("CommentsUnanswered", "Còn ý kiến góp ý chưa được trả lời.");
        var view = await queries.ResultsAsync(round, ct);
        var passMark = VnFormat.Points(view.Rulebook.Rules.PassMarkHundredths);
        var results = view.Rows.ToDictionary(r => r.Result.DossierId, r => r.Result);
        var dossiers = await db
            .Dossiers.Where(d => d.RoundId == roundId && d.State == DossierState.PublishedForComment)
            .ToListAsync(ct);
        var proposed = 0;
        var notices = new List<(int, string, string)>();
        foreach (var d in dossiers)
        {
            var r = results[d.Id];
            if (r.Passed)
            {
                d.Apply(DossierState.Proposed, Actor.Officer, user.Id ?? "", now);
                proposed++;
                continue;
            }
            var reason =
                $"Hồ sơ {d.Code} không đạt: tổng điểm {VnFormat.Points(r.DecisiveTotalHundredths)}, điểm chuẩn "
                + $"{passMark}.";
            d.Apply(DossierState.NotRecognized, Actor.Officer, user.Id ?? "", now, reason);
            notices.Add((d.EnterpriseId, $"Kết quả xét chọn SPCNCL năm {round.Year}", reason));
        }
        await notifier.NotifyAsync(notices, ct);
        council.Apply(CouncilStage.Proposed, Actor.Officer, now);
        await db.SaveChangesAsync(ct);
        return proposed;
    }
}
