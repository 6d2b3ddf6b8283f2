// RFC 7591 §3.2.1 (Client Information Response), as Open Badges 3.0 §7.1.1.2 shows it.
using System.Text.Json.Serialization;

namespace Credstack.Server.OAuth;

/// <summary>The answer to a registration: the client's credentials (the only time the secret is shown) and its metadata as registered.</summary>
internal sealed record ClientRegistrationResponse(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("client_id_issued_at")] long ClientIdIssuedAt,
    [property: JsonPropertyName("client_secret_expires_at")] long ClientSecretExpiresAt,
    [property: JsonPropertyName("client_name")] string ClientName,
    [property: JsonPropertyName("client_uri")] string ClientUri,
    [property: JsonPropertyName("logo_uri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LogoUri,
    [property: JsonPropertyName("tos_uri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TosUri,
    [property: JsonPropertyName("policy_uri"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PolicyUri,
    [property: JsonPropertyName("software_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SoftwareId,
    [property: JsonPropertyName("software_version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SoftwareVersion,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("token_endpoint_auth_method")] string TokenEndpointAuthMethod,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("response_types")] IReadOnlyList<string> ResponseTypes,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("contacts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Contacts)
{
    public static ClientRegistrationResponse From(OAuthClient client, string secret) => new(
        client.Id,
        secret,
        client.CreatedAt.ToUnixTimeSeconds(),
        0, // RFC 7591 §3.2.1: 0 means the secret does not expire.
        client.ClientName,
        client.ClientUri,
        client.LogoUri,
        client.TosUri,
        client.PolicyUri,
        client.SoftwareId,
        client.SoftwareVersion,
        client.RedirectUriList,
        ClientRegistration.ClientSecretBasic,
        client.GrantTypeList,
        ["code"],
        client.Scope,
        client.Contacts?.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
