using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>What a <see cref="IJwtKeyResolver"/> gets to find the key that should have signed a JWT.</summary>
public sealed record JwtKeyRequest
{
    /// <summary>The <c>kid</c> header, if any (a DID URL, an URL, a JWK thumbprint or another identifier).</summary>
    public string? KeyId { get; init; }

    /// <summary>The <c>jwk</c> header (public members only: the verifier refuses private members before asking).</summary>
    public JsonWebKey? Jwk { get; init; }

    /// <summary>The header <c>alg</c>. Informational: the verifier checks it against the key it gets back.</summary>
    public required string Algorithm { get; init; }

    /// <summary>Who must control the key: the issuer id (credentials) or holder id (presentations), when known.</summary>
    public string? ExpectedController { get; init; }

    /// <summary>The relationship the key must have in a DID document (assertionMethod for credentials, authentication for presentations).</summary>
    public VerificationRelationship Relationship { get; init; } = VerificationRelationship.AssertionMethod;

    /// <summary>The profile the token is verified as.</summary>
    public JwtProfile Profile { get; init; }
}
