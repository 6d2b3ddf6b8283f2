using System.Text;
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Server.Issuers;

namespace Credstack.Server.Keys;

/// <summary>
/// The one way the server signs a credential for an organization: with the organization's active
/// key for the suite (generated on first use), under its did:web verification method. The
/// credential must already name the organization's DID as its issuer
/// (<see cref="IssuerIdentity.Did"/>); the private key is decrypted for this one signature and
/// cleared afterwards. Bad input is a value (<see cref="IssuerSigningResult"/>), never an exception.
/// </summary>
internal sealed class IssuerSigner(IssuerKeys keys, IssuerIdentity identity, DataIntegritySigner signer)
{
    /// <summary>The key type each suite signs with.</summary>
    public static KeyType KeyTypeFor(IssuerSigningSuite suite) => suite switch
    {
        IssuerSigningSuite.EcdsaRdfc2019 or IssuerSigningSuite.EcdsaJcs2019 => KeyType.P256,
        IssuerSigningSuite.OpenBadgesJwt => KeyType.Rsa,
        _ => KeyType.Ed25519,
    };

    /// <summary>Signs <paramref name="unsignedCredential"/> (UTF-8 JSON, no proof) as <paramref name="organizationId"/>.</summary>
    public async Task<IssuerSigningResult> SignAsync(string organizationId, ReadOnlyMemory<byte> unsignedCredential, IssuerSigningSuite suite, CancellationToken cancellationToken) =>
        (await SignManyAsync(organizationId, [unsignedCredential], suite, cancellationToken))[0];

    /// <summary>
    /// Signs each of <paramref name="unsignedCredentials"/> as <paramref name="organizationId"/>, on every processor at
    /// once (bulk issuance); the results are in the order of the credentials. The key is looked up once, and each
    /// signing thread decrypts its own copy, so no key object is shared between threads.
    /// </summary>
    public async Task<IReadOnlyList<IssuerSigningResult>> SignManyAsync(
        string organizationId, IReadOnlyList<ReadOnlyMemory<byte>> unsignedCredentials, IssuerSigningSuite suite, CancellationToken cancellationToken)
    {
        var did = identity.Did(organizationId);
        var results = new IssuerSigningResult?[unsignedCredentials.Count];
        var proofForms = new ProofForm[unsignedCredentials.Count];
        var toSign = new List<int>(unsignedCredentials.Count);
        for (var i = 0; i < unsignedCredentials.Count; i++)
        {
            (results[i], proofForms[i]) = CheckIssuer(unsignedCredentials[i], did);
            if (results[i] is null)
            {
                toSign.Add(i);
            }
        }

        if (toSign.Count == 0)
        {
            return [.. results.Select(r => r!)];
        }

        var stored = await keys.GetOrCreateActiveAsync(organizationId, KeyTypeFor(suite), cancellationToken);
        var method = identity.VerificationMethodId(organizationId, stored.Fragment);
        Parallel.For(
            0,
            toSign.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            () => keys.Open(stored),
            (n, _, key) =>
            {
                results[toSign[n]] = SignCore(unsignedCredentials[toSign[n]], key, method, suite, proofForms[toSign[n]]);
                return key;
            },
            key => key.Dispose());
        return [.. results.Select(r => r!)];
    }

    private IssuerSigningResult SignCore(ReadOnlyMemory<byte> unsignedCredential, SigningKey key, string method, IssuerSigningSuite suite, ProofForm proofForm)
    {
        switch (suite)
        {
            case IssuerSigningSuite.VcJose:
                return FromJwt(JwtCredentialSigner.SignCredential(unsignedCredential.Span, key, method), JwtCredentialSigner.CredentialMediaType, method);
            case IssuerSigningSuite.OpenBadgesJwt:
                return FromJwt(JwtCredentialSigner.SignOpenBadges(unsignedCredential.Span, key, method), "application/jwt", method);
            default:
                var signed = signer.Sign(unsignedCredential, key, new DataIntegrityProofOptions { VerificationMethod = method, Cryptosuite = CryptosuiteFor(suite), ProofForm = proofForm });
                return signed.Succeeded
                    ? IssuerSigningResult.Success(signed.SignedDocument, "application/vc+ld+json", method)
                    : IssuerSigningResult.Failure(signed.Problem!, signed.Detail!);
        }
    }

    private static DataIntegrityCryptosuite CryptosuiteFor(IssuerSigningSuite suite) => suite switch
    {
        IssuerSigningSuite.EddsaJcs2022 => DataIntegrityCryptosuite.EddsaJcs2022,
        IssuerSigningSuite.EcdsaRdfc2019 => DataIntegrityCryptosuite.EcdsaRdfc2019,
        IssuerSigningSuite.EcdsaJcs2019 => DataIntegrityCryptosuite.EcdsaJcs2019,
        _ => DataIntegrityCryptosuite.EddsaRdfc2022,
    };

    private static IssuerSigningResult FromJwt(JwtSigningResult result, string mediaType, string method) => result.Succeeded
        ? IssuerSigningResult.Success(Encoding.ASCII.GetBytes(result.Token), mediaType, method)
        : IssuerSigningResult.Failure(result.Problem!, result.Detail!);

    // A credential naming another issuer would be signed by a key its issuer does not control:
    // verifiers would reject it, so it is refused here where the mistake is made. Open Badges 3.0 and CLR 2.0
    // credentials get `proof` as an array, as their JSON schemas require (OB 3.0 §B.1, achievementcredential.json);
    // other credentials keep the single object VC-API clients expect.
    private static (IssuerSigningResult? Failure, ProofForm ProofForm) CheckIssuer(ReadOnlyMemory<byte> credential, string did)
    {
        string? issuer;
        var proofForm = ProofForm.SingleObject;
        try
        {
            using var document = JsonDocument.Parse(credential);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (IssuerSigningResult.Failure(IssuerSigningProblem.CredentialMalformed, "The credential is not a JSON object."), proofForm);
            }

            if (IsOpenBadges(document.RootElement))
            {
                proofForm = ProofForm.Array;
            }

            issuer = document.RootElement.TryGetProperty("issuer", out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object when value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
                _ => null,
            } : null;
        }
        catch (JsonException e)
        {
            return (IssuerSigningResult.Failure(IssuerSigningProblem.CredentialMalformed, "The credential is not valid JSON: " + e.Message), proofForm);
        }

        return string.Equals(issuer, did, StringComparison.Ordinal)
            ? (null, proofForm)
            : (IssuerSigningResult.Failure(IssuerSigningProblem.IssuerMismatch, $"The credential's issuer must be the organization's DID {did}."), proofForm);
    }

    private static bool IsOpenBadges(JsonElement credential)
    {
        if (!credential.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String
                && item.GetString() is "AchievementCredential" or "OpenBadgeCredential" or "EndorsementCredential" or "ClrCredential")
            {
                return true;
            }
        }

        return false;
    }
}
