// W3C Verifiable Credential Data Integrity 1.0 §4.4 "Verify Proof" and §4.5 "Verify Proof Sets and Chains", with the
// "Verify Proof" algorithms of VC DI EdDSA v1.0 §3.3.2 / §3.4.2 and VC DI ECDSA v1.0 §3.2.2 / §3.3.2, and the legacy
// Ed25519Signature2020 (W3C CCG, RDFC canonicalization + SHA-256 like eddsa-rdfc-2022, no cryptosuite member).
// RDFC canonicalization runs in JSON-LD safe mode: a term the contexts do not define fails verification instead of
// silently leaving the signed statements.
using System.Text.Json.Nodes;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.JsonLd;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// Verifies the Data Integrity proofs of a JSON document: each proof of a proof set independently, and chained proofs
/// together with the proofs they name. Thread-safe. Never throws on bad input: everything is in the
/// <see cref="DataIntegrityVerificationReport"/>.
/// </summary>
public sealed class DataIntegrityVerifier
{
    private readonly IVerificationMethodResolver _resolver;
    private readonly TimeProvider _time;
    private readonly JsonLdOptions _jsonLd;

    /// <summary>
    /// Creates a verifier that finds keys through <paramref name="resolver"/>. <paramref name="jsonLdOptions"/> supplies
    /// the document loader (default: the pinned contexts, no network); safe mode is always on.
    /// </summary>
    public DataIntegrityVerifier(IVerificationMethodResolver resolver, TimeProvider? timeProvider = null, JsonLdOptions? jsonLdOptions = null)
        : this(resolver, timeProvider, jsonLdOptions, safeMode: true)
    {
    }

    /// <summary>
    /// The verifier's own entry: <see cref="Verification.CredentialVerifier"/> turns safe mode off only after it has shown that
    /// the sole undefined terms are tolerated <c>credentialSchema</c> types (see docs/credential-validation.md).
    /// </summary>
    internal DataIntegrityVerifier(IVerificationMethodResolver resolver, TimeProvider? timeProvider, JsonLdOptions? jsonLdOptions, bool safeMode)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
        _time = timeProvider ?? TimeProvider.System;
        _jsonLd = (jsonLdOptions ?? JsonLdOptions.Default) with { SafeMode = safeMode };
    }

    /// <summary>Verifies every proof on <paramref name="document"/> (UTF-8 JSON).</summary>
    public async Task<DataIntegrityVerificationReport> VerifyAsync(
        ReadOnlyMemory<byte> document, DataIntegrityVerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= DataIntegrityVerificationOptions.Default;
        if (!DataIntegrityJson.TryParseObject(document, out var root, out var parseDetail))
        {
            return DocumentProblem(DataIntegrityProblem.DocumentMalformed, parseDetail);
        }

        if (!DataIntegrityJson.TryGetProofs(root, out var proofs, out var proofDetail))
        {
            return DocumentProblem(DataIntegrityProblem.ProofMalformed, proofDetail);
        }

        if (proofs.Count == 0)
        {
            return DocumentProblem(DataIntegrityProblem.ProofMissing, "The document has no proof.");
        }

        var (issuer, role) = DataIntegrityJson.Signatory(root);
        var now = _time.GetUtcNow();
        var results = new DataIntegrityVerificationResult[proofs.Count];
        for (var i = 0; i < proofs.Count; i++)
        {
            results[i] = await VerifyProofAsync(root, proofs, i, issuer, role, options, now, cancellationToken).ConfigureAwait(false);
        }

        return new DataIntegrityVerificationReport { Proofs = results };
    }

    private static DataIntegrityVerificationReport DocumentProblem(string code, string detail) =>
        new() { Problems = [new DataIntegrityVerificationProblem(code, detail)] };

    private async Task<DataIntegrityVerificationResult> VerifyProofAsync(
        JsonObject root,
        List<JsonObject> proofs,
        int index,
        string? issuer,
        string role,
        DataIntegrityVerificationOptions options,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var proof = proofs[index];
        var problems = new List<DataIntegrityVerificationProblem>();
        var result = new DataIntegrityVerificationResult
        {
            Index = index,
            ProofId = DataIntegrityJson.GetString(proof, "id"),
            ProofType = DataIntegrityJson.GetString(proof, "type"),
            Cryptosuite = DataIntegrityJson.GetString(proof, "cryptosuite"),
            VerificationMethod = DataIntegrityJson.GetString(proof, "verificationMethod"),
        };

        void Add(string code, string detail, bool warning = false) => problems.Add(new(code, detail, warning));

        // Data Integrity 1.0 §4.4 step "MALFORMED_PROOF_ERROR": the members every proof must have.
        var profile = SelectProfile(result, Add);
        var purpose = DataIntegrityJson.GetString(proof, "proofPurpose");
        if (string.IsNullOrEmpty(result.VerificationMethod))
        {
            Add(DataIntegrityProblem.ProofMalformed, "The proof has no 'verificationMethod' string.");
        }

        if (purpose is null)
        {
            Add(DataIntegrityProblem.ProofMalformed, "The proof has no 'proofPurpose' string.");
        }
        else if (!string.Equals(purpose, options.ExpectedProofPurpose, StringComparison.Ordinal))
        {
            Add(DataIntegrityProblem.ProofPurposeMismatch, $"The proof purpose is '{DataIntegrityJson.Shorten(purpose)}', not '{options.ExpectedProofPurpose}'.");
        }

        // The proofValue encoding belongs to the cryptosuite (ecdsa-sd-2023 uses base64url), so only known suites decode it.
        byte[]? signature = null;
        if (profile is not null)
        {
            signature = DecodeProofValue(DataIntegrityJson.GetString(proof, "proofValue"), out var proofValueDetail);
            if (signature is null)
            {
                Add(DataIntegrityProblem.ProofMalformed, proofValueDetail);
            }
        }

        var created = CheckTimes(proof, options, now, Add);
        result = result with { Created = created };
        CheckDomainAndChallenge(proof, options, Add);
        var previous = FindPreviousProofs(proof, proofs, index, Add);

        if (problems.Any(p => p.Code is DataIntegrityProblem.ProofMalformed or DataIntegrityProblem.CryptosuiteUnsupported
                or DataIntegrityProblem.ProofTypeUnsupported or DataIntegrityProblem.PreviousProofMissing) || profile is null || signature is null)
        {
            return result with { Problems = problems };
        }

        // §4.4 "retrieve the verification method", then the controller checks (Controlled Identifiers 1.0 §3.3).
        var resolution = await _resolver.ResolveAsync(
            new VerificationMethodRequest
            {
                MethodId = result.VerificationMethod!,
                Relationship = RelationshipFor(purpose!),
                ExpectedController = issuer,
            },
            cancellationToken).ConfigureAwait(false);
        if (!resolution.Succeeded)
        {
            Add(DataIntegrityProblem.VerificationMethodUnresolved, $"{resolution.Problem}: {resolution.Detail}");
            return result with { Problems = problems };
        }

        try
        {
            result = result with { Controller = resolution.Controller, ControllerDocumentChecked = resolution.AuthorizedForRelationship is not null };
            if (options.RequireIssuerControl)
            {
                if (issuer is null)
                {
                    Add(DataIntegrityProblem.VerificationMethodNotAuthorized, $"The document names no {role} to check the key's controller against.");
                }
                else if (!string.Equals(issuer, resolution.Controller, StringComparison.Ordinal))
                {
                    Add(
                        DataIntegrityProblem.VerificationMethodNotAuthorized,
                        $"The key is controlled by '{DataIntegrityJson.Shorten(resolution.Controller)}', not by the {role} '{DataIntegrityJson.Shorten(issuer)}'.");
                }
            }

            if (resolution.AuthorizedForRelationship == false)
            {
                Add(DataIntegrityProblem.VerificationMethodNotAuthorized, $"The controller document does not list the method for '{purpose}'.");
            }

            if (!profile.Accepts(resolution.Key.KeyType))
            {
                Add(DataIntegrityProblem.KeyTypeMismatch, $"{profile.DisplayName} needs {profile.KeyRequirement}, not {resolution.Key.KeyType}.");
                return result with { Problems = problems };
            }

            var hashes = Hash(root, proof, profile, previous, resolution.Key.KeyType, Add);
            if (hashes is not null && !resolution.Key.Verify(hashes.HashData.Span, signature))
            {
                Add(DataIntegrityProblem.SignatureInvalid, "The signature does not match the document and proof configuration.");
            }
        }
        finally
        {
            if (resolution.DisposeKeyAfterUse)
            {
                resolution.Key.Dispose();
            }
        }

        return result with { Problems = problems };
    }

    private static CryptosuiteProfile? SelectProfile(DataIntegrityVerificationResult result, Action<string, string, bool> add)
    {
        switch (result.ProofType)
        {
            case null:
                add(DataIntegrityProblem.ProofMalformed, "The proof has no 'type' string.", false);
                return null;
            case CryptosuiteProfile.DataIntegrityProofType:
                if (result.Cryptosuite is null)
                {
                    add(DataIntegrityProblem.ProofMalformed, "A DataIntegrityProof needs a 'cryptosuite' string.", false);
                    return null;
                }

                var profile = CryptosuiteProfile.ForName(result.Cryptosuite);
                if (profile is null)
                {
                    add(
                        DataIntegrityProblem.CryptosuiteUnsupported,
                        $"The cryptosuite '{DataIntegrityJson.Shorten(result.Cryptosuite)}' is not supported (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-jcs-2019; selective disclosure suites such as ecdsa-sd-2023 and bbs-2023 are not).",
                        false);
                    return null;
                }

                if (profile.Deprecated)
                {
                    add(DataIntegrityProblem.CryptosuiteDeprecated, $"'{profile.Name}' is the pre-Recommendation name of eddsa-rdfc-2022; verified as such.", true);
                }

                return profile;
            case CryptosuiteProfile.Ed25519Signature2020Type:
                return CryptosuiteProfile.Ed25519Signature2020;
            default:
                add(DataIntegrityProblem.ProofTypeUnsupported, $"The proof type '{DataIntegrityJson.Shorten(result.ProofType)}' is not supported.", false);
                return null;
        }
    }

    private static byte[]? DecodeProofValue(string? proofValue, out string detail)
    {
        detail = string.Empty;
        if (proofValue is null)
        {
            detail = "The proof has no 'proofValue' string.";
            return null;
        }

        // Signatures are at most 96 bytes (P-384); base58 of that is under 140 characters.
        if (proofValue.Length < 2 || proofValue[0] != 'z' || proofValue.Length > 256)
        {
            detail = "The proofValue must be multibase base58btc ('z' followed by the encoded signature).";
            return null;
        }

        // Checked by the decoder before any arithmetic, so text beyond ASCII is refused like any other stray character.
        var signature = Base58Btc.Decode(proofValue.AsSpan(1));
        if (signature is null)
        {
            detail = "The proofValue contains characters outside the base58btc alphabet.";
        }

        return signature;
    }

    private static bool StartsWith(JsonNode? documentContext, JsonNode? proofContext)
    {
        var expected = DataIntegrityJson.AsList(proofContext);
        var actual = DataIntegrityJson.AsList(documentContext);
        return actual.Count >= expected.Count && !expected.Where((c, i) => !JsonNode.DeepEquals(c, actual[i])).Any();
    }

    private static DateTimeOffset? CheckTimes(JsonObject proof, DataIntegrityVerificationOptions options, DateTimeOffset now, Action<string, string, bool> add)
    {
        DateTimeOffset? created = null;
        if (proof.ContainsKey("created"))
        {
            if (DateTimeStamp.TryParse(DataIntegrityJson.GetString(proof, "created"), out var value))
            {
                created = value;
                if (value > now + options.AllowedClockSkew)
                {
                    add(DataIntegrityProblem.CreatedInFuture, $"The proof was created at {DateTimeStamp.Format(value)}, after now ({DateTimeStamp.Format(now)}).", false);
                }
            }
            else
            {
                add(DataIntegrityProblem.ProofMalformed, "'created' is not an XML Schema dateTimeStamp.", false);
            }
        }

        if (proof.ContainsKey("expires"))
        {
            if (DateTimeStamp.TryParse(DataIntegrityJson.GetString(proof, "expires"), out var expires))
            {
                if (expires <= now)
                {
                    add(DataIntegrityProblem.ProofExpired, $"The proof expired at {DateTimeStamp.Format(expires)}.", false);
                }
            }
            else
            {
                add(DataIntegrityProblem.ProofMalformed, "'expires' is not an XML Schema dateTimeStamp.", false);
            }
        }

        return created;
    }

    private static void CheckDomainAndChallenge(JsonObject proof, DataIntegrityVerificationOptions options, Action<string, string, bool> add)
    {
        if (options.ExpectedDomain is { } domain)
        {
            proof.TryGetPropertyValue("domain", out var node);
            var matches = DataIntegrityJson.AsList(node).Any(d => d is JsonValue v && v.TryGetValue<string>(out var s) && string.Equals(s, domain, StringComparison.Ordinal));
            if (!matches)
            {
                add(DataIntegrityProblem.DomainMismatch, $"The proof is not for the domain '{DataIntegrityJson.Shorten(domain)}'.", false);
            }
        }

        if (options.ExpectedChallenge is { } challenge
            && !string.Equals(DataIntegrityJson.GetString(proof, "challenge"), challenge, StringComparison.Ordinal))
        {
            add(DataIntegrityProblem.ChallengeMismatch, "The proof's challenge is not the expected one.", false);
        }
    }

    private static List<JsonObject>? FindPreviousProofs(JsonObject proof, List<JsonObject> proofs, int index, Action<string, string, bool> add)
    {
        if (!proof.TryGetPropertyValue("previousProof", out var node) || node is null)
        {
            return null;
        }

        var matches = new List<JsonObject>();
        foreach (var item in DataIntegrityJson.AsList(node))
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var id))
            {
                add(DataIntegrityProblem.ProofMalformed, "'previousProof' must be a string or an array of strings.", false);
                return null;
            }

            var match = proofs.Where((p, i) => i != index && string.Equals(DataIntegrityJson.GetString(p, "id"), id, StringComparison.Ordinal)).FirstOrDefault();
            if (match is null)
            {
                add(DataIntegrityProblem.PreviousProofMissing, $"The proof chains to '{DataIntegrityJson.Shorten(id)}', which is not in the proof set.", false);
                return null;
            }

            matches.Add(match);
        }

        return matches;
    }

    private ProofHashes? Hash(
        JsonObject root, JsonObject proof, CryptosuiteProfile profile, List<JsonObject>? previous, KeyType keyType, Action<string, string, bool> add)
    {
        root.TryGetPropertyValue("@context", out var documentContext);
        JsonNode? contextOverride = null;
        if (proof.TryGetPropertyValue("@context", out var ownContext) && !StartsWith(documentContext, ownContext))
        {
            // VC DI EdDSA v1.0 §3.3.2 / §3.4.2 and ECDSA §3.2.2 / §3.3.2, "Verify Proof": when the proof carries an @context,
            // the document's @context must start with it. RDFC hashing below uses the document's @context, so without this
            // check a proof @context (even a number) would be ignored rather than refused.
            add(DataIntegrityProblem.SignatureInvalid, "The document's @context does not start with the @context the proof was made with.", false);
            return null;
        }

        // The proof configuration is the proof without proofValue, with an @context: for RDFC suites the document's;
        // for JCS suites (VC DI EdDSA §3.4.2 / ECDSA §3.3.2) the proof's own, which the document is then hashed with too.
        JsonNode? configContext;
        if (profile.UsesRdfc)
        {
            configContext = documentContext;
        }
        else
        {
            configContext = ownContext;
            contextOverride = ownContext;
        }

        try
        {
            var config = DataIntegrityJson.ProofConfiguration(proof, configContext);
            var unsecured = DataIntegrityJson.UnsecuredDocument(root, previous, contextOverride);
            return ProofHasher.Compute(unsecured, config, profile.UsesRdfc, CryptosuiteProfile.HashFor(keyType), _jsonLd);
        }
        catch (JsonLdException e)
        {
            add(DataIntegrityProblem.CanonicalizationFailed, $"{e.Code}: {e.Message}", false);
            return null;
        }
    }

    private static VerificationRelationship RelationshipFor(string purpose) => purpose switch
    {
        "authentication" => VerificationRelationship.Authentication,
        "capabilityInvocation" => VerificationRelationship.CapabilityInvocation,
        "capabilityDelegation" => VerificationRelationship.CapabilityDelegation,
        "keyAgreement" => VerificationRelationship.KeyAgreement,
        _ => VerificationRelationship.AssertionMethod,
    };
}
