using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Hands the round's eligible dossiers to the council (Eligible → Scoring) and tells the members.</summary>
public sealed class StartScoring(AppDbContext db, ICurrentUser user, TimeProvider time, MailOutbox outbox)
{
    public async Task<int> ExecuteAsync(int roundId, CancellationToken ct)
    {
        var council = await db.Councils.Include(c => c.Members).FirstOrDefaultAsync(c => c.RoundId == roundId, ct)
            ?? throw new DomainException("NoCouncil", "Đợt này chưa có hội đồng.");
        council.EnsureScoringOpen();
        if (!await db.IndicatorAssignments.AnyAsync(a => a.CouncilId == council.Id, ct))
            throw new DomainException("NoAssignments", "Cần phân công chấm điểm trước khi chuyển hồ sơ cho hội đồng.");
        var dossiers = await db
            .Dossiers.Where(d => d.RoundId == roundId && d.State == DossierState.Eligible)
            .ToListAsync(ct);
        if (dossiers.Count == 0)
            throw new DomainException("NothingEligible", "Không có hồ sơ đủ điều kiện để chuyển chấm điểm.");
        var now = time.GetUtcNow();
        foreach (var d in dossiers)
            d.Apply(DossierState.Scoring, Actor.Officer, user.Id ?? "", now);
        var emails = await (
            from m in db.CouncilMembers
            join u in db.Users on m.UserId equals u.Id
            where m.CouncilId == council.Id
            select new { u.Id, u.Email }
        ).ToListAsync(ct);
        foreach (var m in emails)
        {
            outbox.Notify(m.Id, $"Có {dossiers.Count} hồ sơ mới cần chấm điểm.", "/Council");
            outbox.Enqueue(
                m.Email ?? "",
                "Hồ sơ cần chấm điểm — SPCNCL Hà Nội",
                $"Tổ thư ký đã chuyển {dossiers.Count} hồ sơ cho Hội đồng chấm điểm. Vui lòng đăng nhập hệ thống, "
                    + $"mục Chấm điểm, để thực hiện."
            );
        }
        await db.SaveChangesAsync(ct);
        return dossiers.Count;
    }
}
