using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeyProducts.Web.Features.PublicDirectory;

/// <summary>Output cache of the public directory, pages and API alike, evicted whenever the data behind it changes.</summary>
public sealed class DirectoryCache(IOutputCacheStore store)
{
    public const string Tag = "directory";
    public const string Policy = "directory";

    public Task EvictAsync(CancellationToken ct) => store.EvictByTagAsync(Tag, ct).AsTask();

    public static void Configure(OutputCacheOptions o) =>
        o.AddPolicy(Policy, b => b.Expire(TimeSpan.FromMinutes(10)).Tag(Tag).SetVaryByQuery("*")
            .VaryByValue(_ => new KeyValuePair<string, string>("ui", System.Globalization.CultureInfo.CurrentUICulture.Name)));
}

/// <summary>Evicts the directory cache after any save that touched products, enterprises, recognitions or certificates,
/// so changes made by other capabilities (product edits, recorded decisions) show at once.</summary>
public sealed class DirectoryCacheInvalidator(IServiceProvider services) : SaveChangesInterceptor
{
    private bool _dirty;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _dirty = eventData.Context?.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Product or Enterprise or Recognition or RecognitionDecision or Certificate) == true;
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_dirty)
        {
            _dirty = false;
            await services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(DirectoryCache.Tag, cancellationToken);
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
