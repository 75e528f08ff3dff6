using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>An enterprise opens a draft dossier for one of its products on one track of an open round.</summary>
public sealed class StartDossier(AppDbContext db, TimeProvider time)
{
    public async Task<Dossier> ExecuteAsync(
        DossierViewer viewer,
        int roundId,
        int productId,
        int trackId,
        CancellationToken ct = default
    )
    {
        if (viewer.EnterpriseId is not { } enterpriseId)
            throw new DomainException("NoEnterprise", "Tài khoản chưa gắn với doanh nghiệp nào.");
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new DomainException("NoRound", "Không tìm thấy đợt xét chọn.");
        var extension = await db
            .DeadlineExtensions.Where(x => x.RoundId == roundId && x.EnterpriseId == enterpriseId)
            .MaxAsync(x => (DateOnly?)x.NewDeadline, ct);
        if (!round.IsOpenForSubmission(time.GetUtcNow(), extension))
            throw new DomainException("RoundClosed", "Đợt xét chọn không nhận hồ sơ vào thời điểm này.");
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.EnterpriseId == enterpriseId, ct))
            throw new DomainException("NoProduct", "Sản phẩm không thuộc doanh nghiệp của bạn.");
        if (!await db.EligibilityTracks.AnyAsync(t => t.Id == trackId && t.CriteriaSetId == round.CriteriaSetId, ct))
            throw new DomainException("NoTrack", "Nhóm sản phẩm không hợp lệ.");
        if (await db.Dossiers.AnyAsync(d => d.RoundId == roundId && d.ProductId == productId, ct))
            throw new DomainException("Duplicate", "Sản phẩm này đã có hồ sơ trong đợt xét chọn.");
        var dossier = new Dossier
        {
            RoundId = roundId,
            EnterpriseId = enterpriseId,
            ProductId = productId,
            TrackId = trackId,
            CreatedAt = time.GetUtcNow(),
        };
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(ct);
        return dossier;
    }
}
