// The did:key Method v0.9 (W3C CCG), §3.1.2 "Document Creation Algorithm" with the Multikey
// format: did:key:<publicKeyMultibase>; one verification method whose fragment is the same
// multibase value, referenced from authentication, assertionMethod, capabilityDelegation and
// capabilityInvocation. Deviation: no X25519 keyAgreement is derived for Ed25519 keys
// (enableEncryptionKeyDerivation is off), since Credstack never encrypts to a did:key.
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Dids;

/// <summary>Creates and resolves <c>did:key</c> DIDs (Ed25519, P-256, P-384).</summary>
public static class DidKey
{
    /// <summary>The DID for <paramref name="key"/>: <c>did:key:</c> + its <c>publicKeyMultibase</c>.</summary>
    /// <exception cref="NotSupportedException">For RSA keys.</exception>
    public static string CreateDid(VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "did:key:" + key.ExportPublicKeyMultibase();
    }

    /// <summary>The verification method id for <paramref name="key"/>: <c>did:key:z…#z…</c>.</summary>
    public static string VerificationMethodId(VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var multibase = key.ExportPublicKeyMultibase();
        return $"did:key:{multibase}#{multibase}";
    }

    /// <summary>The DID document of <paramref name="key"/>'s did:key.</summary>
    public static DidDocument CreateDocument(VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Document(key.ExportPublicKeyMultibase());
    }

    /// <summary>
    /// Resolves a did:key (no network). Never throws on bad input: <see cref="DidProblem.InvalidDid"/> for a bad
    /// DID, <see cref="DidProblem.InvalidPublicKey"/> (with the key problem in the detail) for an undecodable key.
    /// </summary>
    public static DidResolutionResult Resolve(string? did)
    {
        if (!DidUrl.TryParse(did, out var parsed) || !parsed.IsDid)
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDid, $"'{Shorten(did)}' is not a DID.");
        }

        if (!string.Equals(parsed.Method, "key", StringComparison.Ordinal))
        {
            return DidResolutionResult.Failure(DidProblem.UnsupportedDidMethod, $"did:{parsed.Method} is not did:key.");
        }

        // did:key §3.1.2 step 1: the identifier is "z" + base58btc, no version segment or other colons.
        var multibase = parsed.MethodSpecificId;
        if (multibase.Contains(':', StringComparison.Ordinal) || multibase[0] != 'z')
        {
            return DidResolutionResult.Failure(DidProblem.InvalidDid, "A did:key identifier is a single multibase base58btc ('z…') value.");
        }

        var imported = Multikey.ImportPublicKey(multibase);
        if (!imported.Succeeded)
        {
            return DidResolutionResult.Failure(DidProblem.InvalidPublicKey, $"{imported.Problem}: {imported.Detail}");
        }

        using (imported.Key)
        {
            // The encoding must be canonical so that one key has exactly one did:key.
            if (!string.Equals(imported.Key.ExportPublicKeyMultibase(), multibase, StringComparison.Ordinal))
            {
                return DidResolutionResult.Failure(DidProblem.InvalidPublicKey, "The did:key value is not the canonical encoding of its key.");
            }
        }

        return DidResolutionResult.Success(Document(multibase));
    }

    internal static string Shorten(string? text) =>
        text is null ? "(null)" : text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    private static DidDocument Document(string multibase)
    {
        var did = "did:key:" + multibase;
        var methodId = did + "#" + multibase;
        VerificationMethodReference[] reference = [new(methodId)];
        return new DidDocument
        {
            Context = [DidDocument.DidContext, DidDocument.MultikeyContext],
            Id = did,
            VerificationMethod = [new VerificationMethod { Id = methodId, Type = "Multikey", Controller = did, PublicKeyMultibase = multibase }],
            Authentication = reference,
            AssertionMethod = reference,
            CapabilityDelegation = reference,
            CapabilityInvocation = reference,
        };
    }
}
