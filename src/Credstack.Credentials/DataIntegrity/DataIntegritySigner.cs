// W3C Verifiable Credential Data Integrity 1.0 §4.2 "Add Proof" (with §2.1.1 proof sets and §2.1.2 proof chains) and
// the "Create Proof" algorithms of VC DI EdDSA v1.0 §3.3.1 / §3.4.1 and VC DI ECDSA v1.0 §3.2.1 / §3.3.1.
// Decision: RDFC signing canonicalizes in JSON-LD safe mode, like verification: a term the contexts do not define would
// be signed as if absent, which is a bug in the credential, not something to sign silently. JCS suites sign the JSON
// as it is (they do no JSON-LD processing).
using System.Text.Json.Nodes;
using Credstack.Credentials.Keys;
using Credstack.JsonLd;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// Adds Data Integrity proofs (<c>eddsa-rdfc-2022</c>, <c>eddsa-jcs-2022</c>, <c>ecdsa-rdfc-2019</c>,
/// <c>ecdsa-jcs-2019</c>) to JSON documents. Thread-safe. Outcomes are values: bad input gives a
/// <see cref="DataIntegritySigningResult"/> with a <see cref="DataIntegrityProblem"/> code, never an exception.
/// </summary>
public sealed class DataIntegritySigner
{
    private readonly TimeProvider _time;
    private readonly JsonLdOptions _jsonLd;

    /// <summary>
    /// Creates a signer. <paramref name="jsonLdOptions"/> supplies the document loader (default: the pinned contexts,
    /// no network); safe mode is always on.
    /// </summary>
    public DataIntegritySigner(TimeProvider? timeProvider = null, JsonLdOptions? jsonLdOptions = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _jsonLd = (jsonLdOptions ?? JsonLdOptions.Default) with { SafeMode = true };
    }

    /// <summary>
    /// Signs <paramref name="document"/> (UTF-8 JSON) with <paramref name="key"/> and returns the document with the new
    /// proof added (to any proofs already there, forming a proof set, or a chain when
    /// <see cref="DataIntegrityProofOptions.PreviousProof"/> is set).
    /// </summary>
    public DataIntegritySigningResult Sign(ReadOnlyMemory<byte> document, SigningKey key, DataIntegrityProofOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.VerificationMethod);

        if (!DataIntegrityJson.TryParseObject(document, out var root, out var parseDetail))
        {
            return DataIntegritySigningResult.Failure(DataIntegrityProblem.DocumentMalformed, parseDetail);
        }

        var profile = CryptosuiteProfile.For(options.Cryptosuite);
        if (!profile.Accepts(key.KeyType))
        {
            return DataIntegritySigningResult.Failure(
                DataIntegrityProblem.KeyTypeMismatch, $"{profile.DisplayName} needs {profile.KeyRequirement}, not {key.KeyType}.");
        }

        if (!DataIntegrityJson.TryGetProofs(root, out var existing, out var proofDetail))
        {
            return DataIntegritySigningResult.Failure(DataIntegrityProblem.ProofMalformed, proofDetail);
        }

        var config = BuildConfiguration(profile, options);

        // Add Proof §4.2 step "previousProof": the chained proof signs the document together with the proofs it names.
        List<JsonObject>? previous = null;
        if (options.PreviousProof is { Count: > 0 } ids)
        {
            previous = [];
            foreach (var id in ids)
            {
                var match = existing.Find(p => string.Equals(DataIntegrityJson.GetString(p, "id"), id, StringComparison.Ordinal));
                if (match is null)
                {
                    return DataIntegritySigningResult.Failure(
                        DataIntegrityProblem.PreviousProofMissing, $"The document has no proof with id '{DataIntegrityJson.Shorten(id)}' to chain to.");
                }

                previous.Add(match);
            }
        }

        ReadOnlyMemory<byte> unsecured = existing.Count == 0
            ? document
            : DataIntegrityJson.UnsecuredDocument(root, previous);

        // The proof configuration is hashed with the document's @context (written after the other members).
        root.TryGetPropertyValue("@context", out var context);

        ProofHashes hashes;
        try
        {
            var configJson = DataIntegrityJson.ProofConfiguration(config, context);
            hashes = ProofHasher.Compute(unsecured, configJson, profile.UsesRdfc, CryptosuiteProfile.HashFor(key.KeyType), _jsonLd);
        }
        catch (JsonLdException e)
        {
            return DataIntegritySigningResult.Failure(DataIntegrityProblem.CanonicalizationFailed, $"{e.Code}: {e.Message}");
        }

        var signature = key.Sign(hashes.HashData.Span);
        var proofValue = "z" + Base58Btc.Encode(signature);

        // The JCS suites keep the copied @context in the proof (VC DI EdDSA §3.4.1); the RDFC suites use it only for hashing.
        var proof = config;
        if (!profile.UsesRdfc && context is not null)
        {
            proof["@context"] = context.DeepClone();
        }

        proof["proofValue"] = proofValue;

        var current = root["proof"];
        if (current is JsonArray array)
        {
            array.Add((JsonNode)proof);
        }
        else if (current is JsonObject single)
        {
            root["proof"] = new JsonArray(single.DeepClone(), proof);
        }
        else
        {
            root["proof"] = options.ProofForm == ProofForm.Array ? new JsonArray(proof) : proof;
        }

        return DataIntegritySigningResult.Success(ProofHasher.Serialize(root, options.WriteIndented), proofValue, hashes);
    }

    private JsonObject BuildConfiguration(CryptosuiteProfile profile, DataIntegrityProofOptions options)
    {
        var config = new JsonObject { ["type"] = CryptosuiteProfile.DataIntegrityProofType };
        if (options.Id is not null)
        {
            config["id"] = options.Id;
        }

        config["cryptosuite"] = profile.Name;
        config["created"] = DateTimeStamp.Format(options.Created ?? _time.GetUtcNow());
        if (options.Expires is { } expires)
        {
            config["expires"] = DateTimeStamp.Format(expires);
        }

        config["verificationMethod"] = options.VerificationMethod;
        config["proofPurpose"] = options.ProofPurpose;
        AddIfSet(config, "domain", options.Domain);
        AddIfSet(config, "challenge", options.Challenge);
        AddIfSet(config, "nonce", options.Nonce);
        if (options.PreviousProof is { Count: > 0 } previous)
        {
            config["previousProof"] = previous.Count == 1
                ? JsonValue.Create(previous[0])
                : new JsonArray([.. previous.Select(p => (JsonNode?)JsonValue.Create(p))]);
        }

        return config;
    }

    private static void AddIfSet(JsonObject config, string name, string? value)
    {
        if (value is not null)
        {
            config[name] = value;
        }
    }
}
