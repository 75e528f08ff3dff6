using System.Collections.Concurrent;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Serializes writes that must see each other within one dossier (uploads against its size limit, replacing
/// the
/// file of a checklist item). In this process a semaphore per dossier; on PostgreSQL also a transaction-scoped advisory
/// lock, so app nodes sharing the database wait for each other too. SQLite is single-node by nature.</summary>
public static class DossierLock
{
    private static readonly ConcurrentDictionary<int, SemaphoreSlim> Local = new();

    /// <summary>Namespace of the advisory lock keys, so that dossier ids do not collide with other advisory
    /// locks.</summary>
    private const int AdvisoryNamespace = 0x4B50_0001;

    /// <summary>Takes the lock and opens a transaction that holds it; both end when the returned handle is
    /// disposed.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(AppDbContext db, int dossierId, CancellationToken ct)
    {
        var gate = Local.GetOrAdd(dossierId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlAsync(
                    $"SELECT pg_advisory_xact_lock({AdvisoryNamespace}, {dossierId})",
                    ct
                );
            return new Held(gate, tx);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private sealed class Held(SemaphoreSlim gate, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await tx.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
