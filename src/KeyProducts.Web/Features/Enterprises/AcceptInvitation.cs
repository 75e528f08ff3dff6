using System.Security.Cryptography;
using System.Text;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>A colleague accepts an invitation: the account is created and linked to the inviting enterprise.</summary>
public sealed class AcceptInvitation(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider time)
{
    public async Task<EnterpriseInvitation?> FindValidAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            return null;
        var hash = InvitationToken.Hash(token);
        var now = time.GetUtcNow();
        var invitation = await db.EnterpriseInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is { AcceptedAt: null } && invitation.ExpiresAt > now ? invitation : null;
    }

    public async Task<IReadOnlyList<string>> RunAsync(
        EnterpriseInvitation invitation,
        string displayName,
        string password,
        CancellationToken ct
    )
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new ApplicationUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            EnterpriseId = invitation.EnterpriseId,
            IsEnterpriseOwner = false,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync(ct);
            return created.Errors.Select(e => e.Description).ToList();
        }
        await users.AddToRoleAsync(user, Roles.Enterprise);
        invitation.AcceptedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return [];
    }
}
