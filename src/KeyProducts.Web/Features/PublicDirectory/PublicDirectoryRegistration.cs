using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KeyProducts.Web.Features.PublicDirectory;

public static class PublicDirectoryRegistration
{
    /// <summary>The public directory of recognized products, its output cache (evicted when recognitions change) and
    /// the
    /// open-data downloads.</summary>
    public static IServiceCollection AddPublicDirectory(this IServiceCollection services)
    {
        services.AddOutputCache(DirectoryCache.Configure);
        services.AddScoped<IInterceptor, DirectoryCacheInvalidator>();
        services.AddSingleton<DirectoryGeneration>();
        services.AddScoped<DirectoryCache>();
        services.AddScoped<DirectoryQueries>();
        services.AddSingleton<TrigramStatistics>();
        services.AddScoped<OpenDataExport>();
        services.AddSingleton<OpenDataFiles>();
        return services;
    }
}
