using System.Text.Json;

namespace Credstack.Server.Keys;

/// <summary>An issuer key as the API shows it: public parts only.</summary>
internal sealed record IssuerKeyResponse(
    string Id,
    string KeyType,
    string Status,
    string VerificationMethod,
    JsonElement PublicKeyJwk,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt)
{
    public static IssuerKeyResponse From(IssuerKey key, string verificationMethod)
    {
        using var jwk = JsonDocument.Parse(key.PublicJwk);
        return new(key.Id, key.KeyType, key.Status, verificationMethod, jwk.RootElement.Clone(), key.CreatedAt, key.RetiredAt);
    }
}
