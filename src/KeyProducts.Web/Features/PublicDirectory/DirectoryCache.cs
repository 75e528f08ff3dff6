using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeyProducts.Web.Features.PublicDirectory;

/// <summary>Output cache of the public directory, pages and API alike, evicted whenever the data behind it
/// changes.</summary>
public sealed class DirectoryCache(
    IOutputCacheStore store,
    Infrastructure.Nodes.ClusterCacheNotifications cluster,
    DirectoryGeneration generation
)
{
    public const string Tag = "directory";
    public const string Policy = "directory";

    /// <summary>The query keys the directory's pages and API understand. Only these vary the cache: a visitor who adds
    /// <c>?n=123</c> gets the cached answer instead of a new query (decision 0012).</summary>
    public static readonly string[] QueryKeys =
    [
        "q",
        "year",
        "sector",
        "top10",
        "status",
        "commune",
        "sort",
        "page",
        "pageSize",
        "after",
    ];

    /// <summary>Evicts this node's cache and tells the other nodes (PostgreSQL) to evict theirs.</summary>
    public async Task EvictAsync(CancellationToken ct)
    {
        generation.Bump();
        await store.EvictByTagAsync(Tag, ct);
        await cluster.PublishAsync(Tag, ct);
    }

    /// <summary>Cached per UI language and per day in Hanoi: a certificate or recognition that ends today shows
    /// "expired"
    /// from the first request after midnight, not when the cached answer happens to expire.</summary>
    public static void Configure(OutputCacheOptions o) =>
        o.AddPolicy(
            Policy,
            b =>
                b.AddPolicy<AnonymousPagePolicy>()
                    .Expire(TimeSpan.FromMinutes(10))
                    .Tag(Tag)
                    .SetVaryByQuery(QueryKeys)
                    .VaryByValue(ctx => new KeyValuePair<string, string>(
                        "ui-day",
                        System.Globalization.CultureInfo.CurrentUICulture.Name
                            + " "
                            + Core.Common.VietnamTime.Today(
                                ctx.RequestServices.GetRequiredService<TimeProvider>()
                            ).DayNumber
                    )),
            excludeDefaultPolicy: true
        );
}

/// <summary>Bumped whenever the directory's data changes; what is built from the directory (open-data files, filter
/// lists) is keyed by it. One per app (a singleton, not a static): several apps in one process, as in the tests, each
/// follow their own data.</summary>
public sealed class DirectoryGeneration
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}

/// <summary>Like the default policy (anonymous GET/HEAD, 200 only, nothing stored when a cookie is set), except that
/// the layout's TempData read makes every page send a deletion of the empty TempData cookie; for a request that
/// carried no cookie that header says nothing, so it is dropped and the page can be cached.</summary>
internal sealed class AnonymousPagePolicy : IOutputCachePolicy
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable =
            (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            // With several nodes, a node that does not hear the others' changes (yet) must not answer from its cache.
            && context
                .HttpContext.RequestServices.GetService<Infrastructure.Nodes.ClusterCacheNotifications>()
                ?.CacheUsable != false
            && !request.Headers.ContainsKey("Authorization")
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.Cookies.ContainsKey(TempDataCookie);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = DirectoryCache.QueryKeys;
        if (cacheable)
        {
            // Registered first, so it runs last among the OnStarting callbacks: after TempData wrote its cookie.
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                var cookies = response.Headers.SetCookie;
                if (
                    cookies.Count > 0
                    && cookies.All(c => c is not null && c.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal))
                )
                    response.Headers.Remove("Set-Cookie");
                return Task.CompletedTask;
            });
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        if (response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts the directory cache after any save that touched products, enterprises, rounds, recognitions or
/// certificates, so changes made by other capabilities (product edits, a round opened for comment, recorded decisions)
/// show at once. Inside a transaction the eviction waits for the commit, so a reader in between cannot put the old data
/// back into the cache. With PostgreSQL the other nodes are told to evict theirs (<see
/// cref="Infrastructure.Nodes.ClusterCacheNotifications"/>).</summary>
public sealed class DirectoryCacheInvalidator(IServiceProvider services)
    : SaveChangesInterceptor,
        IDbTransactionInterceptor
{
    private bool _dirty;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        _dirty |=
            eventData
                .Context?.ChangeTracker.Entries()
                .Any(e =>
                    e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                    && e.Entity
                        is Product
                            or Enterprise
                            or KeyProducts.Core.Rounds.Round
                            or Recognition
                            or RecognitionDecision
                            or Certificate
                ) == true;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            await EvictIfDirtyAsync(cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(
        DbContextErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        _dirty = false;
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public Task TransactionCommittedAsync(
        System.Data.Common.DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    ) => EvictIfDirtyAsync(cancellationToken);

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictIfDirtyAsync(CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(
        System.Data.Common.DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        _dirty = false;
        return Task.CompletedTask;
    }

    private async Task EvictIfDirtyAsync(CancellationToken ct)
    {
        if (!_dirty)
            return;
        _dirty = false;
        services.GetRequiredService<DirectoryGeneration>().Bump();
        await services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(DirectoryCache.Tag, ct);
        await services
            .GetRequiredService<Infrastructure.Nodes.ClusterCacheNotifications>()
            .PublishAsync(DirectoryCache.Tag, ct);
    }
}
