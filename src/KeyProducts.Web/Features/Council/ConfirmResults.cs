using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>The meeting confirms the results: only with quorum, only when no sheet is left open and every product was
/// scored by the quorum of the members who may score it (<see cref="ScoringCompleteness"/>). Dossiers go Scoring →
/// Scored; the round closes to new dossiers; members, assignments, conflicts, attendance and sheets are
/// frozen.</summary>
public sealed class ConfirmResults(
    AppDbContext db,
    RecordAttendance attendance,
    CouncilQueries queries,
    ICurrentUser user,
    TimeProvider time
)
{
    public async Task ExecuteAsync(int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.FirstAsync(r => r.Id == roundId, ct);
        var council = await db.Councils.Include(c => c.Members).FirstOrDefaultAsync(c => c.RoundId == roundId, ct)
            ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        if (council.Stage != CouncilStage.Scoring)
            throw new DomainException("ResultsConfirmed", "Kết quả đã được xác nhận.");
        var rulebook = await queries.RulebookAsync(round.CriteriaSetId, ct);
        var quorum = await attendance.QuorumAsync(council.Id, rulebook.Rules, ct);
        if (!quorum.Met)
            throw (
                quorum.ChairRequired && !quorum.ChairPresent
                    ? new DomainException(
                        "NoQuorum",
                        "Chưa đủ điều kiện họp: có mặt {0}/{1}, cần {2} và Chủ tịch Hội đồng.",
                        quorum.Present,
                        quorum.Members,
                        quorum.Required
                    )
                    : new DomainException(
                        "NoQuorum",
                        "Chưa đủ điều kiện họp: có mặt {0}/{1}, cần {2}.",
                        quorum.Present,
                        quorum.Members,
                        quorum.Required
                    )
            );
        var dossiers = await db
            .Dossiers.Where(d => d.RoundId == roundId && d.State == DossierState.Scoring)
            .ToListAsync(ct);
        if (dossiers.Count == 0)
            throw new DomainException("NothingScoring", "Không có hồ sơ đang chấm điểm.");
        var ids = dossiers.Select(d => d.Id).ToList();
        var sheets = await db
            .ScoreSheets.AsNoTracking()
            .Where(s => ids.Contains(s.DossierId))
            .Select(s => new
            {
                s.DossierId,
                s.MemberId,
                s.Pass,
                s.Status,
                Indicators = s.Scores.Select(x => x.IndicatorId).ToList(),
            })
            .ToListAsync(ct);
        var passes = sheets.Select(s => (s.DossierId, s.Pass)).ToList();
        var open = sheets.Count(s =>
            s.Pass == CouncilQueries.PassOf(passes, s.DossierId) && s.Status != SheetStatus.Submitted
        );
        if (open > 0)
            throw new DomainException("SheetsOpen", "Còn {0} phiếu chấm chưa nộp.", open);

        var scorers = (await queries.AssignmentsAsync(council.Id, ct))
            .Where(a => a.Value.Count > 0)
            .Select(a => a.Key)
            .ToList();
        var memberIds = council.Members.Select(m => m.Id).ToList();
        var conflicts = (
            await db
                .Conflicts.AsNoTracking()
                .Where(c => memberIds.Contains(c.MemberId))
                .Select(c => new { c.MemberId, c.EnterpriseId })
                .ToListAsync(ct)
        )
            .Select(c => (c.MemberId, c.EnterpriseId))
            .ToHashSet();
        var indicatorIds = rulebook.Indicators.Select(i => i.Id).ToList();
        var incomplete = new List<string>();
        foreach (var d in dossiers.OrderBy(d => d.Code))
        {
            var pass = CouncilQueries.PassOf(passes, d.Id);
            var submitted = sheets
                .Where(s => s.DossierId == d.Id && s.Pass == pass && s.Status == SheetStatus.Submitted)
                .ToList();
            var scored = submitted.SelectMany(s => s.Indicators).ToHashSet();
            var check = ScoringCompleteness.Evaluate(
                d.Id,
                rulebook.Rules.QuorumPercent,
                scorers.Count(m => !conflicts.Contains((m, d.EnterpriseId))),
                submitted.Select(s => s.MemberId).Distinct().Count(),
                indicatorIds.Count(i => !scored.Contains(i))
            );
            if (!check.Complete)
                incomplete.Add($"{d.Code} ({check.SubmittedScorers}/{check.RequiredScorers})");
        }
        if (incomplete.Count > 0)
            throw new DomainException(
                "NotEnoughScores",
                "Chưa thể xác nhận: {0} hồ sơ chưa được đủ số thành viên chấm hoặc còn chỉ tiêu chưa có điểm (đã "
                    + "nộp/cần): {1}.",
                incomplete.Count,
                string.Join(", ", incomplete.Take(10)) + (incomplete.Count > 10 ? ", …" : "")
            );

        var now = time.GetUtcNow();
        foreach (var d in dossiers)
            d.Apply(DossierState.Scored, Actor.Officer, user.Id ?? "", now);
        council.Apply(CouncilStage.Confirmed, Actor.Officer, now);
        if (round.Status == RoundStatus.Published)
            round.Apply(RoundStatus.Closed, Actor.Officer, now);
        await db.SaveChangesAsync(ct);
    }
}
