using Credstack.Server.Organizations;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Hosting;

/// <summary>
/// Runs <see cref="DemoSeed.Steps"/> at start-up when <c>--demo</c> (or <c>Credstack:Demo</c>) is set.
/// Registered after storage, so hosted services (started in order) have migrated the database first.
/// </summary>
internal sealed partial class DemoSeedService(IServiceProvider services, IOptions<CredstackOptions> options, ILogger<DemoSeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var organizations = scope.ServiceProvider.GetRequiredService<OrganizationStore>();
        if (await organizations.FindAsync(DemoSeedContext.OrganizationId, cancellationToken) is not null)
        {
            LogAlreadySeeded(logger);
            return;
        }

        var context = new DemoSeedContext(scope.ServiceProvider);
        foreach (var step in DemoSeed.Steps)
        {
            LogStep(logger, step.Name);
            await step.RunAsync(context, cancellationToken);
        }

        LogSeeded(logger, DemoSeedContext.OwnerEmail, DemoSeedContext.IssuerEmail, DemoSeedContext.ViewerEmail, DemoSeedContext.LearnerEmail, DemoSeedContext.Password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is already present; not seeding again")]
    private static partial void LogAlreadySeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo seed: {Step}")]
    private static partial void LogStep(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data seeded. Sign in as {Owner} (owner), {Issuer} (issuer staff), {Viewer} (viewer) or {Learner} (learner) with the password '{Password}'. Do not use --demo in production.")]
    private static partial void LogSeeded(ILogger logger, string owner, string issuer, string viewer, string learner, string password);
}
