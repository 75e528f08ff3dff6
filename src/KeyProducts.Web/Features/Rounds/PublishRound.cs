using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rounds;

/// <summary>Publishing puts the public call page online at /Public/Rounds/{year}.</summary>
public sealed class PublishRound(AppDbContext db, TimeProvider time)
{
    public async Task ExecuteAsync(int id, CancellationToken ct = default)
    {
        var round = await db.Rounds.Include(r => r.Checklist).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new DomainException("NoRound", "Không tìm thấy đợt xét chọn.");
        if (round.Status != RoundStatus.Draft)
            throw new DomainException("Published", "Đợt xét chọn đã được công bố.");
        round.Apply(RoundStatus.Published, Actor.Officer, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
