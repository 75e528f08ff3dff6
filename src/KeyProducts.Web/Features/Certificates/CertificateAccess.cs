using System.Security.Claims;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>The one place that decides who may download a certificate: officers all, an enterprise only its own.
/// Anything else is "not found", so serials of other enterprises are not revealed.</summary>
public sealed class CertificateAccess(CertificateQueries certificates, UserManager<ApplicationUser> users)
{
    public async Task<CertificateView?> FindAsync(ClaimsPrincipal user, int certificateId, CancellationToken ct)
    {
        var query = certificates.Views().Where(c => c.Id == certificateId);
        if (!user.IsInRole(Roles.Officer) && !user.IsInRole(Roles.Admin))
        {
            var enterpriseId = await EnterpriseOfAsync(user);
            if (enterpriseId is null)
                return null;
            query = query.Where(c => c.EnterpriseId == enterpriseId);
        }
        return await query.FirstOrDefaultAsync(ct);
    }

    public async Task<int?> EnterpriseOfAsync(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Enterprise) ? (await users.GetUserAsync(user))?.EnterpriseId : null;
}
