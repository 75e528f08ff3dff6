namespace KeyProducts.Web.Features.Program;

public static class ProgramRegistration
{
    /// <summary>Phases, targets, KPIs, annual reports and program reports.</summary>
    public static IServiceCollection AddProgramFeatures(this IServiceCollection services) =>
        services
            .AddScoped<ImportProgramData>()
            .AddScoped<KpiQueries>()
            .AddSingleton<KpiExcelExport>()
            .AddScoped<KpiRecords>()
            .AddScoped<SavePhase>()
            .AddScoped<SaveTarget>()
            .AddScoped<SaveMeasurement>()
            .AddScoped<AnnualReportQueries>()
            .AddScoped<SaveAnnualReport>()
            .AddScoped<ReviewAnnualReport>()
            .AddScoped<OpenReportingWindow>()
            .AddScoped<RemindAnnualReports>()
            .AddScoped<ImportAnnualReports>()
            .AddScoped<ProgramReportDocuments>()
            .AddScoped<ISupportDeliveredCounts, CommittedSupportCounts>()
            .AddSingleton<KpiCache>()
            .AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, KpiCacheInvalidator>();
}
