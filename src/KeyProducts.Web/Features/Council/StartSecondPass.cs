using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>After discussion, the flagged products are re-scored: each scorer gets a fresh sheet in pass 2.
/// The first-pass sheets stay untouched on record; results use the latest pass of each product.</summary>
public sealed class StartSecondPass(AppDbContext db, CouncilQueries queries, MailOutbox outbox)
{
    public async Task<int> ExecuteAsync(int roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        var council = await db.Councils.Include(c => c.Members).FirstOrDefaultAsync(c => c.RoundId == roundId, ct)
            ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        council.EnsureScoringOpen();
        var view = await queries.ResultsAsync(round, ct);
        var flagged = view
            .Rows.Where(r => r.Result.Flagged && r.State == DossierState.Scoring)
            .Select(r => r.Result.DossierId)
            .ToList();
        if (flagged.Count == 0)
            throw new DomainException("NothingFlagged", "Không có sản phẩm nào chênh lệch điểm vượt ngưỡng.");
        var existing = await db
            .ScoreSheets.Where(s => flagged.Contains(s.DossierId))
            .Select(s => new
            {
                s.DossierId,
                s.MemberId,
                s.Pass,
            })
            .ToListAsync(ct);
        var passes = existing.Select(s => (s.DossierId, s.Pass)).ToList();
        var count = 0;
        foreach (var dossierId in flagged)
        {
            var pass = CouncilQueries.PassOf(passes, dossierId);
            // Those who scored the product in the pass under discussion score it again.
            foreach (
                var memberId in existing
                    .Where(s => s.DossierId == dossierId && s.Pass == pass)
                    .Select(s => s.MemberId)
                    .Distinct()
            )
                db.ScoreSheets.Add(
                    new ScoreSheet
                    {
                        DossierId = dossierId,
                        MemberId = memberId,
                        Pass = pass + 1,
                        Status = SheetStatus.Draft,
                    }
                );
            count++;
        }
        council.CurrentPass = Math.Max(council.CurrentPass, existing.Max(s => s.Pass) + 1);
        foreach (var m in council.Members.Where(m => m.UserId is not null))
            outbox.Notify(
                m.UserId!,
                $"Hội đồng chấm lại vòng 2 cho {count} sản phẩm có chênh lệch điểm lớn.",
                "/Council"
            );
        await db.SaveChangesAsync(ct);
        return count;
    }
}
