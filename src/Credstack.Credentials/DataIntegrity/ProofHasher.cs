// Data Integrity 1.0 §4.2 / VC DI EdDSA §3.3.2-3.3.5 and §3.4.2-3.4.5 / VC DI ECDSA §3.2.2-3.2.5 and §3.3.2-3.3.5:
// transformation (RDFC-1.0 of the JSON-LD document, or JCS of the JSON), proof configuration (canonicalized the same
// way; RDFC-1.0 with SHA-384 for P-384), hashing (hashData = hash(proof configuration) || hash(document), SHA-256, or SHA-384 for P-384).
using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.JsonLd;
using Credstack.JsonLd.Canonicalization;
using Credstack.JsonLd.Jcs;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>Computes the canonical forms and hashData shared by signing and verifying.</summary>
internal static class ProofHasher
{
    // VC DI ECDSA §3.2.3: with P-384 the RDFC-1.0 hash function is SHA-384 too (the P-384 "employ" vector's blank node
    // labels only come out with it).
    private static readonly RdfCanonicalizer Sha384Canonicalizer = new(new RdfCanonicalizerOptions { HashAlgorithm = HashAlgorithmName.SHA384 });

    /// <summary>
    /// Transforms and hashes. <paramref name="unsecuredDocument"/> is the UTF-8 JSON document without the proof (with
    /// <c>proof</c> set to the previous proofs for a chained proof); <paramref name="proofConfiguration"/> is the proof
    /// without <c>proofValue</c>, already carrying the <c>@context</c> it is canonicalized with.
    /// </summary>
    /// <exception cref="JsonLdException">The document or configuration cannot be canonicalized.</exception>
    public static ProofHashes Compute(
        ReadOnlyMemory<byte> unsecuredDocument,
        JsonObject proofConfiguration,
        bool rdfc,
        HashAlgorithmName hash,
        JsonLdOptions jsonLdOptions) =>
        Compute(unsecuredDocument, Serialize(proofConfiguration), rdfc, hash, jsonLdOptions);

    /// <summary>As <see cref="Compute(ReadOnlyMemory{byte}, JsonObject, bool, HashAlgorithmName, JsonLdOptions)"/>, with the proof configuration already written as UTF-8 JSON.</summary>
    /// <exception cref="JsonLdException">The document or configuration cannot be canonicalized.</exception>
    public static ProofHashes Compute(
        ReadOnlyMemory<byte> unsecuredDocument,
        byte[] config,
        bool rdfc,
        HashAlgorithmName hash,
        JsonLdOptions jsonLdOptions)
    {
        ReadOnlyMemory<byte> canonicalConfig;
        ReadOnlyMemory<byte> canonicalDocument;
        if (rdfc)
        {
            var canonicalizer = hash == HashAlgorithmName.SHA384 ? Sha384Canonicalizer : null;
            canonicalConfig = JsonLdCanonicalizer.Canonicalize(config, jsonLdOptions, canonicalizer).CanonicalNQuadsUtf8;
            canonicalDocument = JsonLdCanonicalizer.Canonicalize(unsecuredDocument, jsonLdOptions, canonicalizer).CanonicalNQuadsUtf8;
        }
        else
        {
            canonicalConfig = JsonCanonicalizer.Canonicalize(config);
            canonicalDocument = JsonCanonicalizer.Canonicalize(unsecuredDocument.Span);
        }

        var size = hash == HashAlgorithmName.SHA384 ? SHA384.HashSizeInBytes : SHA256.HashSizeInBytes;
        var hashData = new byte[2 * size];
        HashInto(hash, canonicalConfig.Span, hashData.AsSpan(0, size));
        HashInto(hash, canonicalDocument.Span, hashData.AsSpan(size));
        return new ProofHashes
        {
            CanonicalDocument = canonicalDocument,
            CanonicalProofConfiguration = canonicalConfig,
            HashData = hashData,
        };
    }

    /// <summary>Writes a node as compact UTF-8 JSON.</summary>
    public static byte[] Serialize(JsonNode node, bool indented = false) => Write(writer => node.WriteTo(writer), indented);

    /// <summary>
    /// Writes JSON through <paramref name="write"/> with the options every signed or hashed byte uses, so that documents
    /// assembled member by member (without copying nodes) come out exactly as <see cref="Serialize"/> would write them.
    /// </summary>
    public static byte[] Write(Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            // Keep non-ASCII text as UTF-8 rather than \u escapes: the signed bytes read like the input.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void HashInto(HashAlgorithmName hash, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (hash == HashAlgorithmName.SHA384)
        {
            SHA384.HashData(data, destination);
        }
        else
        {
            SHA256.HashData(data, destination);
        }
    }
}
