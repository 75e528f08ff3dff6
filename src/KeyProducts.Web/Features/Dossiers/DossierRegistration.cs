using KeyProducts.Web.Features.Rounds;

namespace KeyProducts.Web.Features.Dossiers;

public static class DossierRegistration
{
    /// <summary>Rounds, dossiers and screening use cases.</summary>
    public static IServiceCollection AddRoundsAndDossiers(this IServiceCollection services) => services
        .AddScoped<DossierAccess>().AddScoped<DossierWorkspaceLoader>().AddScoped<DossierQueries>().AddScoped<DossierNotifier>()
        .AddScoped<StartDossier>().AddScoped<SaveDossierAnswers>().AddScoped<UploadDossierDocument>().AddScoped<SubmitDossier>()
        .AddScoped<StartScreening>().AddScoped<RequestSupplement>().AddScoped<DecideEligibility>().AddScoped<RecordSiteInspection>()
        .AddScoped<GrantDeadlineExtension>().AddScoped<DossierExport>()
        .AddScoped<SaveRound>().AddScoped<PublishRound>().AddScoped<EditRoundContents>();
}
