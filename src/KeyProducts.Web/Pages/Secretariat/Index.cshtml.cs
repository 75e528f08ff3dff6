using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Pages.Secretariat;

public class IndexModel(AppDbContext db) : PageModel
{
    public int PendingEnterprises { get; private set; }
    public int AwaitingScreening { get; private set; }
    public int Rounds { get; private set; }
    public int QueuedMail { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PendingEnterprises = await db.Enterprises.CountAsync(e => e.Status == EnterpriseStatus.Pending, ct);
        var waiting = DossierStates.AwaitingScreening.ToList();
        AwaitingScreening = await db.Dossiers.CountAsync(d => waiting.Contains(d.State), ct);
        Rounds = await db.Rounds.CountAsync(ct);
        QueuedMail = await db.Outbox.CountAsync(m => m.SentAt == null, ct);
    }
}
