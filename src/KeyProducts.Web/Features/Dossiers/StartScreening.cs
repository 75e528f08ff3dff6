using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>An officer takes a submitted (or resubmitted) dossier into screening (tiếp nhận, thẩm định).</summary>
public sealed class StartScreening(AppDbContext db, TimeProvider time, DossierNotifier notifier)
{
    public async Task ExecuteAsync(DossierWorkspace w, int seenVersion, string userId, CancellationToken ct = default)
    {
        var d = w.Dossier;
        DossierVersionGuard.Expect(db, d, seenVersion);
        d.Apply(DossierState.Screening, Actor.Officer, userId, time.GetUtcNow());
        await notifier.NotifyEnterpriseAsync(
            d,
            $"Hồ sơ {d.Code} đang được thẩm định",
            $"Sở Công Thương đã tiếp nhận và đang thẩm định hồ sơ {d.Code}.",
            ct: ct
        );
        await db.SaveChangesAsync(ct);
    }
}
