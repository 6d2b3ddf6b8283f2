using Credstack.Server.Hosting;

namespace Credstack.Server.Issuers;

/// <summary>Registers the issuer identity feature's services.</summary>
internal static class IssuerServices
{
    public static WebApplicationBuilder AddIssuers(this WebApplicationBuilder builder)
    {
        // Every issuer DID and credential link is built from the public base URL: a bad one stops start-up, not every request.
        builder.Services.AddOptions<CredstackOptions>()
            .Validate(
                options => Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url)
                    && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                    && url.Query.Length == 0 && url.Fragment.Length == 0,
                "Credstack:PublicBaseUrl must be an absolute http or https URL without query or fragment, such as https://badges.example.org.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IssuerIdentity>();
        builder.Services.AddSingleton<IssuerProfileStore>();
        builder.Services.AddSingleton<IssuerProfiles>();
        return builder;
    }
}
