using Credstack.Credentials.Model;

namespace Credstack.Server.Awards;

/// <summary>
/// The seam between awards and the issuer's keys (the Issuers feature implements it): who the
/// issuer of an organization's credentials is, and a signature with its active key. Awards and
/// status lists never touch key material themselves.
/// </summary>
internal interface IAwardSigner
{
    /// <summary>The issuer <see cref="Profile"/> to put in credentials (its id is the DID or URL the proof's key belongs to); null when the organization cannot issue yet.</summary>
    Task<Profile?> FindIssuerAsync(string organizationId, CancellationToken cancellationToken);

    /// <summary>Adds a proof in <paramref name="cryptosuite"/> to <paramref name="unsignedCredential"/> with the organization's active key.</summary>
    Task<AwardSignature> SignAsync(string organizationId, ReadOnlyMemory<byte> unsignedCredential, string cryptosuite, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a proof to each of <paramref name="unsignedCredentials"/> (awards: a batch of credentials, signed on every
    /// processor at once); the signatures are in the order of the credentials.
    /// </summary>
    Task<IReadOnlyList<AwardSignature>> SignManyAsync(string organizationId, IReadOnlyList<ReadOnlyMemory<byte>> unsignedCredentials, string cryptosuite, CancellationToken cancellationToken);
}
