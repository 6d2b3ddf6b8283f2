namespace Credstack.Server.OpenBadgesApi;

/// <summary>
/// A credential a person holds (their backpack): the exact bytes received, never rebuilt. Identified per
/// person by issuer id and credential id (OB 3.0 "credential equality and comparison").
/// </summary>
internal sealed class HeldCredential
{
    /// <summary>A JSON credential with an embedded proof.</summary>
    public const string Json = "json";

    /// <summary>A VC-JWT compact JWS (OB 3.0 §8.2).</summary>
    public const string Jws = "jws";

    public const string Verified = "verified";

    /// <summary>Structurally valid, but its key could not be found offline (e.g. did:web or an HTTP key URL).</summary>
    public const string Unverified = "unverified";

    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string IssuerId { get; init; }

    public required string CredentialId { get; init; }

    public required string Format { get; init; }

    public required byte[] Content { get; init; }

    public required string Verification { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
