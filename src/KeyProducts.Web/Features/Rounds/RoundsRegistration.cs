namespace KeyProducts.Web.Features.Rounds;

public static class RoundsRegistration
{
    /// <summary>Selection rounds: their schedule, rulebook, checklist and publication.</summary>
    public static IServiceCollection AddRounds(this IServiceCollection services) =>
        services.AddScoped<SaveRound>().AddScoped<PublishRound>().AddScoped<EditRoundContents>();
}
