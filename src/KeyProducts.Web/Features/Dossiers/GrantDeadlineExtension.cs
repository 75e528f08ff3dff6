using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>An officer extends the submission deadline for one enterprise, with a reason (audited through
/// SaveChanges).</summary>
public sealed class GrantDeadlineExtension(AppDbContext db, TimeProvider time)
{
    public async Task ExecuteAsync(
        int roundId,
        int enterpriseId,
        DateOnly newDeadline,
        string reason,
        string userId,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ReasonRequired", "Cần nêu lý do gia hạn.");
        if (newDeadline < VietnamTime.Today(time))
            throw new DomainException("Deadline", "Hạn mới phải từ hôm nay trở đi.");
        db.DeadlineExtensions.Add(
            new DeadlineExtension
            {
                RoundId = roundId,
                EnterpriseId = enterpriseId,
                NewDeadline = newDeadline,
                Reason = reason.Trim(),
                GrantedBy = userId,
                GrantedAt = time.GetUtcNow(),
            }
        );
        await db.SaveChangesAsync(ct);
    }
}
