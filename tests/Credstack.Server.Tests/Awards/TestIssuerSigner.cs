using System.Collections.Concurrent;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Model;
using Credstack.Server.Awards;

namespace Credstack.Server.Tests.Awards;

/// <summary>
/// A stand-in for the Issuers feature's signer in award tests: each organization signs with its
/// own Ed25519 did:key, so verifiers resolve the key from the credential alone.
/// </summary>
internal sealed class TestIssuerSigner(TimeProvider time) : IAwardSigner
{
    private readonly ConcurrentDictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Organizations that have no key (issuing is refused).</summary>
    public ConcurrentDictionary<string, bool> WithoutKey { get; } = new(StringComparer.Ordinal);

    public string DidOf(string organizationId) => DidKey.CreateDid(Key(organizationId).PublicKey);

    public Task<Profile?> FindIssuerAsync(string organizationId, CancellationToken cancellationToken) =>
        Task.FromResult(WithoutKey.ContainsKey(organizationId) ? null : new Profile { Id = DidOf(organizationId), Name = "Acme University" });

    public Task<AwardSignature> SignAsync(string organizationId, ReadOnlyMemory<byte> unsignedCredential, string cryptosuite, CancellationToken cancellationToken)
    {
        if (cryptosuite is not ("eddsa-rdfc-2022" or "eddsa-jcs-2022"))
        {
            return Task.FromResult(AwardSignature.Failed($"an Ed25519 key cannot sign with {cryptosuite}"));
        }

        var key = Key(organizationId);
        var result = new DataIntegritySigner(time).Sign(unsignedCredential, key, new DataIntegrityProofOptions
        {
            VerificationMethod = DidKey.VerificationMethodId(key.PublicKey),
            Cryptosuite = cryptosuite == "eddsa-jcs-2022" ? DataIntegrityCryptosuite.EddsaJcs2022 : DataIntegrityCryptosuite.EddsaRdfc2022,
            // The OB 3.0 JSON Schema wants proof as an array.
            ProofForm = ProofForm.Array,
        });
        return Task.FromResult(result.Succeeded ? AwardSignature.Signed(result.SignedDocument) : AwardSignature.Failed($"{result.Problem}: {result.Detail}"));
    }

    private SigningKey Key(string organizationId) => _keys.GetOrAdd(organizationId, _ => SigningKey.Generate(KeyType.Ed25519));
}
