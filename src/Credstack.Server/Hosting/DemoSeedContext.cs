namespace Credstack.Server.Hosting;

/// <summary>
/// Shared by the steps of one demo seed run: the services, and the ids of what earlier steps
/// created so later steps can build on them (fixed ids, so the demo is the same on every machine).
/// </summary>
internal sealed class DemoSeedContext(IServiceProvider services)
{
    /// <summary>The password of every demo account; printed in the start-up log.</summary>
    public const string Password = "credstack-demo";

    public const string OrganizationId = "demo-university";
    public const string OwnerEmail = "owner@demo.credstack.dev";
    public const string IssuerEmail = "issuer@demo.credstack.dev";
    public const string ViewerEmail = "viewer@demo.credstack.dev";
    public const string LearnerEmail = "learner@demo.credstack.dev";

    public IServiceProvider Services { get; } = services;

    /// <summary>Ids of accounts created so far, by e-mail address.</summary>
    public Dictionary<string, string> AccountIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Anything else a step wants to hand to later steps, by a key the two agree on.</summary>
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);
}
