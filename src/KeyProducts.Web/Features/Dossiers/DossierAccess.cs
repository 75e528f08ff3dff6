using System.Security.Claims;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Who is looking at dossiers: resolved once per request from the signed-in user.</summary>
public sealed record DossierViewer(string? UserId, int? EnterpriseId, bool IsOfficer, bool IsCouncilMember);

/// <summary>The ONE place that decides which dossiers a user may see or act on. Pages, API and file downloads
/// all go through it. Officers see every dossier; enterprise users only their enterprise's; everyone else none.
/// Council members never reach dossiers through these routes: they read and score them only through the council's
/// pages, document download and sheet API, all guarded by <see cref="Council.CouncilAccess"/>, which applies their
/// assignments and conflicts of interest. A member asking here gets the same 404 as a stranger.</summary>
public sealed class DossierAccess(AppDbContext db)
{
    public async Task<DossierViewer> ViewerAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || user.Identity?.IsAuthenticated != true)
            return new(null, null, false, false);
        var isOfficer = user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Admin);
        int? enterpriseId = user.IsInRole(Roles.Enterprise)
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.EnterpriseId).FirstOrDefaultAsync(ct)
            : null;
        return new(id, enterpriseId, isOfficer, user.IsInRole(Roles.CouncilMember));
    }

    /// <summary>The dossiers the viewer may read.</summary>
    public IQueryable<Dossier> VisibleTo(DossierViewer v) => Visible(db.Dossiers, v);

    /// <summary>The dossiers of <paramref name="q"/> the viewer may read (the same rule on any source of
    /// dossiers, e.g. a keyset page's).</summary>
    public static IQueryable<Dossier> Visible(IQueryable<Dossier> q, DossierViewer v) =>
        v.IsOfficer ? q
        : v.EnterpriseId is { } e ? q.Where(d => d.EnterpriseId == e)
        : q.Where(d => false);

    public async Task<bool> CanSeeAsync(DossierViewer v, int dossierId, CancellationToken ct = default) =>
        await VisibleTo(v).AnyAsync(d => d.Id == dossierId, ct);

    /// <summary>Only the owning enterprise fills in or submits a dossier.</summary>
    public async Task<bool> CanEditAsEnterpriseAsync(DossierViewer v, int dossierId, CancellationToken ct = default) =>
        v.EnterpriseId is { } e && await db.Dossiers.AnyAsync(d => d.Id == dossierId && d.EnterpriseId == e, ct);

    /// <summary>Screening actions are for officers.</summary>
    public static bool CanScreen(DossierViewer v) => v.IsOfficer;
}

public static class DossierAccessExtensions
{
    /// <summary>The signed-in user's id (pages under an authorized folder always have one).</summary>
    public static string ViewerUserId(this DossierAccess _, System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirstValue(System.Security.Claims.ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("No user id");
}
