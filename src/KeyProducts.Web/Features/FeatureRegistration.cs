using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Features.Reference;
using KeyProducts.Web.Features.Rulebook;

namespace KeyProducts.Web.Features;

/// <summary>Each capability registers its use-case classes here (one line per capability).</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddEnterpriseFeatures();
        services.AddRulebookFeatures();
        services.AddReferenceFeatures();
        Rounds.RoundsRegistration.AddRounds(services);
        Dossiers.DossierRegistration.AddDossiers(services);
        services.AddCouncil();
        Support.SupportRegistration.AddSupport(services);
        Program.ProgramRegistration.AddProgramFeatures(services);
        PublicDirectory.PublicDirectoryRegistration.AddPublicDirectory(services);
        Outreach.OutreachRegistration.AddOutreach(services);
        return services;
    }
}
