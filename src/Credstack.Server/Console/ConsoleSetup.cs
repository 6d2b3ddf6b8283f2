using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// The issuer console (<c>/console</c>): server-rendered pages where an organization's staff design achievements,
/// award them one by one or from a CSV file, follow and change the credentials they issued, and manage the issuer's
/// profile, keys and members. Every page under <c>/console/{orgId}</c> goes through <see cref="ConsoleAccessFilter"/>.
/// </summary>
internal static class ConsoleSetup
{
    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConsoleAccessFilter>();
        builder.Services.AddSingleton<ConsoleStatistics>();
        builder.Services.AddSingleton<CredentialSearch>();
        builder.Services.AddSingleton<AchievementEditor>();
        builder.Services.AddSingleton<CredentialChanger>();
        builder.Services.AddSingleton<BulkUpload>();
        builder.Services.Configure<RazorPagesOptions>(options => options.Conventions.Add(new ConsoleAccessConvention()));
        return builder;
    }
}
