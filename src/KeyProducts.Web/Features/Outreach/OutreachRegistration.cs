namespace KeyProducts.Web.Features.Outreach;

public static class OutreachRegistration
{
    /// <summary>Outreach events (registration, check-in, reminders, ceremony), places and the mobilization
    /// pipeline.</summary>
    public static IServiceCollection AddOutreach(this IServiceCollection services) =>
        services
            .AddScoped<EventMail>()
            .AddScoped<SaveOutreachEvent>()
            .AddScoped<RegisterForEvent>()
            .AddScoped<ManageRegistration>()
            .AddScoped<CheckInAttendee>()
            .AddScoped<RemindEventRegistrations>()
            .AddScoped<InviteHonourees>()
            .AddScoped<UploadEventMaterial>()
            .AddScoped<ImportPlaces>()
            .AddScoped<ImportTargets>()
            .AddScoped<MobilizationQueries>()
            .AddScoped<UpdateTarget>()
            .AddScoped<SetTargetThresholds>()
            .AddScoped<InviteTargets>()
            .AddScoped<OutreachExport>()
            .AddScoped<OutreachFigures>()
            .AddHostedService<EventReminderJob>();
}
