namespace KeyProducts.Web.Api.V1;

/// <summary>The /api/v1 surface: one endpoint group per resource, calling the same Features classes as the
/// pages.</summary>
public static class ApiV1
{
    public static void MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .WithTags("v1")
            .AddEndpointFilter<Infrastructure.Security.CookieApiAntiforgery>();
        Infrastructure.Security.CookieApiAntiforgery.MapTokenEndpoint(api);
        api.MapGet("/program", ProgramEndpoints.GetProgram)
            .AllowAnonymous()
            .WithSummary("The program: phases and their targets, and the rounds published so far.");
        api.MapKpis();
        api.MapEnterpriseEndpoints();
        DossierEndpoints.Map(api);
        app.MapDossierFiles();
        api.MapCouncilSheets();
        api.MapDirectoryApi();
        app.MapPublicKeysAndOpenData();
    }
}
