using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Program;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Reference;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Support;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.Extensions.Caching.Memory;

namespace KeyProducts.Web.Features.Program;

/// <summary>The aggregates of the leaders' dashboard (and of the public summary, the API, the reports) and the home
/// page's
/// counters, computed once per filter and per <i>KPI generation</i> (decision 0014). The generation is bumped after
/// every
/// committed save that touched a table they read (<see cref="KpiCacheInvalidator"/>), the same way the directory's
/// output
/// cache is evicted (<see cref="DirectoryCacheInvalidator"/>), so a change shows on the next request. One computation
/// at a
/// time: requests that arrive while it runs wait for it and take its result. Entries also expire after 10 minutes and
/// the
/// cache holds at most <see cref="MaxEntries"/> of them (every phase × year × sector a leader may ask for is bounded).
/// <c>Kpis:Cache=false</c> turns it off (every request computes; bench/leaders.sh measures both).</summary>
public sealed class KpiCache(IConfiguration cfg) : IDisposable
{
    public const int MaxEntries = 256;

    /// <summary>The tag the other nodes receive (<see cref="Infrastructure.Nodes.ClusterCacheNotifications"/>) when
    /// this node's generation moves on, so that they move theirs.</summary>
    public const string Tag = "kpi";
    private long _generation;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly SemaphoreSlim _computing = new(1, 1);

    public bool Enabled { get; } = cfg.GetValue("Kpis:Cache", true);

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Forgets every cached aggregate of this app (each app has its own generation, so two apps in one
    /// process,
    /// as in the tests, do not evict each other).</summary>
    public void Evict() => Interlocked.Increment(ref _generation);

    /// <summary>Whether a change to this entity can change a KPI or a counter: what <see cref="KpiQueries"/> (with the
    /// outreach figures), the home page and the officers' certificate counts per decision read.</summary>
    public static bool Reads(object entity) =>
        entity
            is Recognition
                or RecognitionDecision
                or Certificate
                or Round
                or Dossier
                or AnnualReport
                or Phase
                or ProgramTarget
                or Measurement
                or Product
                or Enterprise
                or Sector
                or AdministrativeUnit
                or SupportApplication
                or KeyProducts.Core.Outreach.OutreachEvent
                or KeyProducts.Core.Outreach.EventRegistration
                or KeyProducts.Core.Outreach.MobilizationTarget
                or KeyProducts.Core.Outreach.TargetContact;

    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
        where T : class
    {
        if (!Enabled)
            return await compute(ct);
        // The generation is read before the data: a save that commits during the computation bumps it, so what this
        // computation stores under the older generation is never read again.
        var fullKey = (key, Generation);
        if (_cache.TryGetValue(fullKey, out T? hit) && hit is not null)
            return hit;
        await _computing.WaitAsync(ct);
        try
        {
            if (_cache.TryGetValue(fullKey, out hit) && hit is not null)
                return hit;
            var value = await compute(ct);
            _cache.Set(
                fullKey,
                value,
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) }
            );
            return value;
        }
        finally
        {
            _computing.Release();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _computing.Dispose();
    }
}

/// <summary>Bumps <see cref="KpiCache.Generation"/> after a save that touched what the KPIs read; inside a transaction,
/// after the commit (see <see cref="DirectoryCacheInvalidator"/>, which this follows).</summary>
public sealed class KpiCacheInvalidator(KpiCache cache, IServiceProvider services)
    : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor,
        Microsoft.EntityFrameworkCore.Diagnostics.IDbTransactionInterceptor
{
    private bool _dirty;

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Mark(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> SavingChanges(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result
    )
    {
        Mark(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override int SavedChanges(
        Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData,
        int result
    )
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            BumpIfDirtyAsync(CancellationToken.None).GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            await BumpIfDirtyAsync(cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override void SaveChangesFailed(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextErrorEventData eventData
    ) => _dirty = false;

    public override Task SaveChangesFailedAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        _dirty = false;
        return Task.CompletedTask;
    }

    public void TransactionCommitted(
        System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData
    ) => BumpIfDirtyAsync(CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(
        System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    ) => BumpIfDirtyAsync(cancellationToken);

    public void TransactionRolledBack(
        System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData
    ) => _dirty = false;

    public Task TransactionRolledBackAsync(
        System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        _dirty = false;
        return Task.CompletedTask;
    }

    private void Mark(Microsoft.EntityFrameworkCore.DbContext? context) =>
        _dirty |=
            context
                ?.ChangeTracker.Entries()
                .Any(e =>
                    e.State
                        is Microsoft.EntityFrameworkCore.EntityState.Added
                            or Microsoft.EntityFrameworkCore.EntityState.Modified
                            or Microsoft.EntityFrameworkCore.EntityState.Deleted
                    && KpiCache.Reads(e.Entity)
                ) == true;

    /// <summary>Moves this node's generation on and tells the other nodes (on PostgreSQL with several nodes), as the
    /// directory's output cache does: the officers' certificate counts and the leaders' figures are then current on
    /// every node, not only on the one that saved.</summary>
    private async Task BumpIfDirtyAsync(CancellationToken ct)
    {
        if (!_dirty)
            return;
        _dirty = false;
        cache.Evict();
        await services
            .GetRequiredService<Infrastructure.Nodes.ClusterCacheNotifications>()
            .PublishAsync(KpiCache.Tag, ct);
    }
}
