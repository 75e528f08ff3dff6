using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Admin;

public class AuditModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type)) q = q.Where(a => a.EntityType == Type.Trim());
        if (!string.IsNullOrWhiteSpace(Id)) q = q.Where(a => a.EntityId == Id.Trim());
        Entries = await q.OrderByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }
}
