using Credstack.Credentials.Keys;
using Credstack.Server.Hosting;
using Credstack.Server.Keys;

namespace Credstack.Server.Issuers;

/// <summary>Demo step: the demo organization's issuer profile details and its first signing key (Ed25519).</summary>
internal static class IssuerDemoSeed
{
    public static async Task RunAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var profiles = context.Services.GetRequiredService<IssuerProfileStore>();
        var keys = context.Services.GetRequiredService<IssuerKeys>();
        await profiles.SaveAsync(
            DemoSeedContext.OrganizationId,
            "Northbridge University is a (fictional) public university offering stackable micro-credentials in data, computing and professional skills.",
            "https://northbridge.example",
            "credentials@northbridge.example",
            cancellationToken);
        await keys.GetOrCreateActiveAsync(DemoSeedContext.OrganizationId, KeyType.Ed25519, cancellationToken);
    }
}
