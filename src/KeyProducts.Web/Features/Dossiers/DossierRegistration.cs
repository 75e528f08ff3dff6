namespace KeyProducts.Web.Features.Dossiers;

public static class DossierRegistration
{
    /// <summary>Dossiers and screening use cases.</summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services) =>
        services
            .AddScoped<DossierAccess>()
            .AddScoped<DossierWorkspaceLoader>()
            .AddScoped<DossierQueries>()
            .AddScoped<DossierPaging>()
            .AddScoped<DossierNotifier>()
            .AddScoped<StartDossier>()
            .AddScoped<SaveDossierAnswers>()
            .AddScoped<UploadDossierDocument>()
            .AddScoped<SubmitDossier>()
            .AddScoped<StartScreening>()
            .AddScoped<RequestSupplement>()
            .AddScoped<DecideEligibility>()
            .AddScoped<RecordSiteInspection>()
            .AddScoped<GrantDeadlineExtension>()
            .AddScoped<DossierExport>();
}
