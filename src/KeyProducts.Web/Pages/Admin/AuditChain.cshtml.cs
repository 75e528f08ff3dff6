using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KeyProducts.Web.Pages.Admin;

/// <summary>Verifies the whole audit hash chain and names the first entry that was altered or removed.</summary>
public class AuditChainModel(AppDbContext db) : PageModel
{
    public AuditChain.Report Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Report = await AuditChain.VerifyAsync(db, ct);
}
