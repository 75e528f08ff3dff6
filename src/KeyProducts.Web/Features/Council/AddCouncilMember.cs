using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Adds a member to a council, optionally linked to a council-member account (by e-mail).</summary>
public sealed class AddCouncilMember(AppDbContext db, UserManager<ApplicationUser> users)
{
    public async Task<CouncilMember> ExecuteAsync(
        int councilId,
        string fullName,
        string title,
        int? agencyId,
        CouncilRole role,
        string? accountEmail,
        CancellationToken ct
    )
    {
        await db.EnsureScoringOpenAsync(councilId, ct);
        string? userId = null;
        if (!string.IsNullOrWhiteSpace(accountEmail))
        {
            var user = await users.FindByEmailAsync(accountEmail.Trim());
            if (user is null || !await users.IsInRoleAsync(user, Roles.CouncilMember))
                throw new DomainException("AccountNotFound", "Không có tài khoản thành viên hội đồng với email này.");
            if (await db.CouncilMembers.AnyAsync(m => m.CouncilId == councilId && m.UserId == user.Id, ct))
                throw new DomainException("AccountTaken", "Tài khoản này đã gắn với một thành viên của hội đồng.");
            userId = user.Id;
        }
        if (
            role == CouncilRole.Chair
            && await db.CouncilMembers.AnyAsync(m => m.CouncilId == councilId && m.Role == CouncilRole.Chair, ct)
        )
            throw new DomainException("ChairExists", "Hội đồng đã có Chủ tịch.");
        var member = new CouncilMember
        {
            CouncilId = councilId,
            FullName = fullName.Trim(),
            Title = title.Trim(),
            AgencyId = agencyId,
            Role = role,
            UserId = userId,
        };
        db.CouncilMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }
}
