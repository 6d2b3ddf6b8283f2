using Credstack.Credentials.DataIntegrity;

namespace Credstack.Server.Keys;

/// <summary>Registers the issuer key feature's services: storage, encryption at rest and <see cref="IssuerSigner"/>.</summary>
internal static class KeyServices
{
    public static WebApplicationBuilder AddIssuerKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IssuerKeyStore>();
        builder.Services.AddSingleton<SigningKeyProtector>();
        builder.Services.AddSingleton<IssuerKeys>();
        builder.Services.AddSingleton(services => new DataIntegritySigner(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IssuerSigner>();
        return builder;
    }
}
