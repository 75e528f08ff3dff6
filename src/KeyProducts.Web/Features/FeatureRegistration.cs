using KeyProducts.Web.Features.Council;

namespace KeyProducts.Web.Features;

/// <summary>Each capability registers its use-case classes here (one line per capability).</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddCouncil();
        return services;
    }
}
