using KeyProducts.Core.Common;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

/// <summary>Issues the missing certificates of a decision's recognitions: a standard one for each, and a Top 10 one
/// for each Top 10 place. Running it twice issues nothing new.</summary>
public sealed class IssueCertificates(AppDbContext db, TimeProvider time, DirectoryCache cache)
{
    public async Task<int> RunAsync(int decisionId, CancellationToken ct)
    {
        var recognitions = await db
            .Recognitions.Where(r => r.DecisionId == decisionId && r.RevokedAt == null)
            .ToListAsync(ct);
        var ids = recognitions.Select(r => r.Id).ToList();
        var existing = await db
            .Certificates.Where(c => ids.Contains(c.RecognitionId) && c.SupersededById == null)
            .Select(c => new { c.RecognitionId, c.Kind })
            .ToListAsync(ct);
        var serials = new SerialNumbers(db);
        var issued = 0;
        foreach (var r in recognitions)
        {
            foreach (
                var kind in r.Top10
                    ? new[] { CertificateKind.Standard, CertificateKind.Top10 }
                    : [CertificateKind.Standard]
            )
            {
                if (existing.Any(e => e.RecognitionId == r.Id && e.Kind == kind))
                    continue;
                db.Certificates.Add(
                    new Certificate
                    {
                        RecognitionId = r.Id,
                        Kind = kind,
                        Serial = await serials.NextAsync(r.Year, kind, ct),
                        IssuedAt = time.GetUtcNow(),
                    }
                );
                issued++;
            }
        }
        if (issued > 0)
        {
            await db.SaveChangesAsync(ct);
            await cache.EvictAsync(ct);
        }
        return issued;
    }
}
