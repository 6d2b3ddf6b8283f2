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
    private Func<Task>? _beforeNextBatch;

    /// <summary>Organizations that have no key (issuing is refused).</summary>
    public ConcurrentDictionary<string, bool> WithoutKey { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs before a batch is signed, once (a test cancels a bulk job while its batch is in flight).</summary>
    public Func<Task>? BeforeNextBatch { get => _beforeNextBatch; set => _beforeNextBatch = value; }

    /// <summary>Signing a credential whose JSON contains this text throws, as a bug would.</summary>
    public string? ThrowWhenContains { get; set; }

    public string DidOf(string organizationId) => DidKey.CreateDid(Key(organizationId).PublicKey);

    public Task<Profile?> FindIssuerAsync(string organizationId, CancellationToken cancellationToken) =>
        Task.FromResult(WithoutKey.ContainsKey(organizationId) ? null : new Profile { Id = DidOf(organizationId), Name = "Acme University" });

    public Task<AwardSignature> SignAsync(string organizationId, ReadOnlyMemory<byte> unsignedCredential, string cryptosuite, CancellationToken cancellationToken)
    {
        if (cryptosuite is not ("eddsa-rdfc-2022" or "eddsa-jcs-2022"))
        {
            return Task.FromResult(AwardSignature.Failed($"an Ed25519 key cannot sign with {cryptosuite}"));
        }

        if (ThrowWhenContains is { } poison && System.Text.Encoding.UTF8.GetString(unsignedCredential.Span).Contains(poison, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the test signer was told to fail on this credential");
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

    public async Task<IReadOnlyList<AwardSignature>> SignManyAsync(
        string organizationId, IReadOnlyList<ReadOnlyMemory<byte>> unsignedCredentials, string cryptosuite, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _beforeNextBatch, null) is { } before)
        {
            await before();
        }

        var signatures = new List<AwardSignature>(unsignedCredentials.Count);
        foreach (var credential in unsignedCredentials)
        {
            signatures.Add(await SignAsync(organizationId, credential, cryptosuite, cancellationToken));
        }

        return signatures;
    }

    private SigningKey Key(string organizationId) => _keys.GetOrAdd(organizationId, _ => SigningKey.Generate(KeyType.Ed25519));
}
