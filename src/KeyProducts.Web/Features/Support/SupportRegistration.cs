namespace KeyProducts.Web.Features.Support;

public static class SupportRegistration
{
    /// <summary>Support programs, calls, applications, approvals within budget, disbursements and statistics.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services) =>
        services
            .AddScoped<SupportAccess>()
            .AddScoped<SupportQueries>()
            .AddScoped<SupportNotifier>()
            .AddScoped<SupportExport>()
            .AddScoped<SupportBudgetAudit>()
            .AddScoped<ISupportStatistics, SupportStatistics>()
            .AddScoped<SaveSupportProgram>()
            .AddScoped<SetSupportBudget>()
            .AddScoped<SaveSupportCall>()
            .AddScoped<PublishSupportCall>()
            .AddScoped<StartSupportApplication>()
            .AddScoped<SaveSupportApplication>()
            .AddScoped<UploadSupportDocument>()
            .AddScoped<SubmitSupportApplication>()
            .AddScoped<RequestSupportChanges>()
            .AddScoped<RejectSupportApplication>()
            .AddScoped<ApproveSupportApplication>()
            .AddScoped<DisburseSupportTranche>();
}
