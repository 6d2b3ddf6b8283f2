namespace Credstack.Server.Achievements;

/// <summary>Registers the achievements feature's services.</summary>
internal static class AchievementServices
{
    public static WebApplicationBuilder AddAchievements(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AchievementStore>();
        builder.Services.AddSingleton<AchievementImageStore>();
        return builder;
    }
}
