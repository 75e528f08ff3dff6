using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Records a member's relationship with an enterprise (xung đột lợi ích): declared by the member or recorded
/// by an officer.
/// From then on the member cannot see or score that enterprise's dossiers (see <see cref="CouncilAccess"/>).</summary>
public sealed class DeclareConflict(AppDbContext db, ICurrentUser user, TimeProvider time)
{
    public async Task ExecuteAsync(int memberId, int enterpriseId, string relationship, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(relationship))
            throw new DomainException("RelationshipRequired", "Cần mô tả mối quan hệ với doanh nghiệp.");
        var councilId = await db
            .CouncilMembers.Where(m => m.Id == memberId)
            .Select(m => (int?)m.CouncilId)
            .FirstOrDefaultAsync(ct)
            ?? throw new DomainException("MemberNotFound", "Không tìm thấy thành viên hội đồng.");
        await db.EnsureScoringOpenAsync(councilId, ct);
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
            throw new DomainException("EnterpriseNotFound", "Không tìm thấy doanh nghiệp.");
        if (await db.Conflicts.AnyAsync(c => c.MemberId == memberId && c.EnterpriseId == enterpriseId, ct))
            throw new DomainException("ConflictExists", "Mối quan hệ với doanh nghiệp này đã được ghi nhận.");
        db.Conflicts.Add(
            new ConflictOfInterest
            {
                MemberId = memberId,
                EnterpriseId = enterpriseId,
                Relationship = relationship.Trim(),
                DeclaredBy = user.Name,
                DeclaredAt = time.GetUtcNow(),
            }
        );
        await db.SaveChangesAsync(ct);
    }
}
