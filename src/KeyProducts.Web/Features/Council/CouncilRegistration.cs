using KeyProducts.Web.Features.Council.Documents;

namespace KeyProducts.Web.Features.Council;

public static class CouncilRegistration
{
    public static IServiceCollection AddCouncil(this IServiceCollection services) =>
        services
            .AddScoped<CouncilAccess>()
            .AddScoped<CouncilQueries>()
            .AddScoped<CouncilProgress>()
            .AddSingleton<ScoringPendingCache>()
            .AddScoped<EnterpriseNotifier>()
            .AddScoped<SetUpCouncil>()
            .AddScoped<AddCouncilMember>()
            .AddScoped<AssignIndicators>()
            .AddScoped<DeclareConflict>()
            .AddScoped<StartScoring>()
            .AddScoped<SaveScoreSheet>()
            .AddScoped<ReopenScoreSheet>()
            .AddScoped<RemindMembers>()
            .AddScoped<StartSecondPass>()
            .AddScoped<RecordAttendance>()
            .AddScoped<ConfirmResults>()
            .AddScoped<PublishResultsForComment>()
            .AddScoped<SendPublicComment>()
            .AddScoped<AnswerPublicComment>()
            .AddScoped<ProposeForDecision>()
            .AddScoped<CouncilMinutes>()
            .AddScoped<DraftDecision>()
            .AddScoped<ResultsWorkbook>()
            .AddScoped<CommentNotices>();
}
