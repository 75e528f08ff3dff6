using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>The meeting confirms the results: only with quorum, only when no sheet is left open. Dossiers go Scoring → Scored.</summary>
public sealed class ConfirmResults(AppDbContext db, RecordAttendance attendance, CouncilQueries queries, ICurrentUser user, TimeProvider time)
{
    public async Task ExecuteAsync(int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var council = await db.Councils.FirstOrDefaultAsync(c => c.RoundId == roundId, ct) ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        if (council.ResultsConfirmedAt is not null) throw new DomainException("ResultsConfirmed", "Kết quả đã được xác nhận.");
        var rulebook = await queries.RulebookAsync(round.CriteriaSetId, ct);
        var quorum = await attendance.QuorumAsync(council.Id, rulebook.Rules, ct);
        if (!quorum.Met)
            throw (quorum.ChairRequired && !quorum.ChairPresent
                ? new DomainException("NoQuorum", "Chưa đủ điều kiện họp: có mặt {0}/{1}, cần {2} và Chủ tịch Hội đồng.", quorum.Present, quorum.Members, quorum.Required)
                : new DomainException("NoQuorum", "Chưa đủ điều kiện họp: có mặt {0}/{1}, cần {2}.", quorum.Present, quorum.Members, quorum.Required));
        var dossiers = await db.Dossiers.Where(d => d.RoundId == roundId && d.State == DossierState.Scoring).ToListAsync(ct);
        if (dossiers.Count == 0) throw new DomainException("NothingScoring", "Không có hồ sơ đang chấm điểm.");
        var ids = dossiers.Select(d => d.Id).ToList();
        var sheets = await db.ScoreSheets.Where(s => ids.Contains(s.DossierId)).Select(s => new { s.DossierId, s.Pass, s.Status }).ToListAsync(ct);
        var passes = sheets.Select(s => (s.DossierId, s.Pass)).ToList();
        var open = sheets.Count(s => s.Pass == CouncilQueries.PassOf(passes, s.DossierId) && s.Status != SheetStatus.Submitted);
        if (open > 0) throw new DomainException("SheetsOpen", "Còn {0} phiếu chấm chưa nộp.", open);
        var now = time.GetUtcNow();
        foreach (var d in dossiers) d.Apply(DossierState.Scored, Actor.Officer, user.Id ?? "", now);
        council.ResultsConfirmedAt = now;
        await db.SaveChangesAsync(ct);
    }
}
