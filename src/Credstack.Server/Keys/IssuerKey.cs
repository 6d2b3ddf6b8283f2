namespace Credstack.Server.Keys;

/// <summary>
/// A stored issuer signing key. Never sent on the wire (see <see cref="IssuerKeyResponse"/>): it
/// holds the Data Protection ciphertext of the private key.
/// </summary>
internal sealed class IssuerKey
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    /// <summary>The fragment of the verification method id (<c>key-1</c>): <c>{issuer DID}#{fragment}</c>.</summary>
    public required string Fragment { get; init; }

    /// <summary>The key type's wire name (see <see cref="IssuerKeyTypes"/>).</summary>
    public required string KeyType { get; init; }

    /// <summary>The public key as a JWK (public members only).</summary>
    public required string PublicJwk { get; init; }

    public required string ProtectedPrivateKey { get; init; }

    /// <summary><c>active</c> (signs new credentials) or <c>retired</c> (kept so old credentials verify).</summary>
    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }

    public bool IsActive => string.Equals(Status, IssuerKeyStatus.Active, StringComparison.Ordinal);

    // The ciphertext stays out of logs and debugger displays.
    public override string ToString() => $"issuer key {Fragment} ({KeyType}, {Status}) of {OrganizationId}";
}
