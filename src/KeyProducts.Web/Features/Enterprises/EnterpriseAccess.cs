using System.Security.Claims;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>The one resource check for enterprise data (profile, products, files): staff see every enterprise,
/// enterprise users only their own. Pages, API and downloads call it; a refused id is reported as "not found"
/// so that ids of other enterprises reveal nothing.</summary>
public sealed class EnterpriseAccess(AppDbContext db)
{
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Leader);

    /// <summary>The enterprise the signed-in enterprise user acts for, or null.</summary>
    public async Task<int?> OwnEnterpriseIdAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !user.IsInRole(Roles.Enterprise))
            return null;
        return await db.Users.Where(u => u.Id == id).Select(u => u.EnterpriseId).FirstOrDefaultAsync(ct);
    }

    public async Task<bool> IsOwnerAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is not null
            && user.IsInRole(Roles.Enterprise)
            && await db.Users.AnyAsync(u => u.Id == id && u.IsEnterpriseOwner && u.EnterpriseId != null, ct);
    }

    public async Task<bool> CanSeeEnterpriseAsync(
        ClaimsPrincipal user,
        int enterpriseId,
        CancellationToken ct = default
    ) => IsStaff(user) || await OwnEnterpriseIdAsync(user, ct) == enterpriseId;

    /// <summary>Products the user may see: all for staff, the own enterprise's for enterprise users, none
    /// otherwise.</summary>
    public async Task<IQueryable<Product>> VisibleProductsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (IsStaff(user))
            return db.Products;
        var own = await OwnEnterpriseIdAsync(user, ct);
        return own is { } id ? db.Products.Where(p => p.EnterpriseId == id) : db.Products.Where(_ => false);
    }

    /// <summary>A product the user may see (tracked, with its IP records), or null: callers answer 404.</summary>
    public async Task<Product?> FindProductAsync(ClaimsPrincipal user, int productId, CancellationToken ct = default) =>
        await (await VisibleProductsAsync(user, ct))
            .Include(p => p.IntellectualProperties)
            .FirstOrDefaultAsync(p => p.Id == productId, ct);

    /// <summary>An enterprise the user may see (tracked, with its factories), or null: callers answer 404.</summary>
    public async Task<Enterprise?> FindEnterpriseAsync(
        ClaimsPrincipal user,
        int enterpriseId,
        CancellationToken ct = default
    ) =>
        await CanSeeEnterpriseAsync(user, enterpriseId, ct)
            ? await db.Enterprises.Include(e => e.Factories).FirstOrDefaultAsync(e => e.Id == enterpriseId, ct)
            : null;
}
