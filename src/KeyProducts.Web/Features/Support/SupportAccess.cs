using KeyProducts.Core.Support;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Dossiers;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Support;

/// <summary>The ONE place that decides which support applications a user may see or act on: officers see all,
/// an enterprise's users only their enterprise's, everyone else none. Pages and file downloads go through it.
/// The viewer is the same as for dossiers (user, enterprise, officer).</summary>
public sealed class SupportAccess(AppDbContext db)
{
    public IQueryable<SupportApplication> VisibleTo(DossierViewer v) =>
        v.IsOfficer ? db.SupportApplications
        : v.EnterpriseId is { } e ? db.SupportApplications.Where(a => a.EnterpriseId == e)
        : db.SupportApplications.Where(a => false);

    /// <summary>The application with everything it owns, tracked, when the viewer may see it; otherwise null (a
    /// 404).</summary>
    public async Task<SupportApplication?> LoadAsync(DossierViewer v, int id, CancellationToken ct = default) =>
        await VisibleTo(v)
            .Include(a => a.Items)
            .Include(a => a.Products)
            .Include(a => a.Documents)
            .Include(a => a.History)
            .Include(a => a.Tranches)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Only the owning enterprise edits or submits its application.</summary>
    public static bool CanEditAsEnterprise(DossierViewer v, SupportApplication a) => v.EnterpriseId == a.EnterpriseId;
}
