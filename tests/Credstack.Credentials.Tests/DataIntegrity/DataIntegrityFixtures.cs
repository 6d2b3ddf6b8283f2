using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Tests.Keys;
using Credstack.JsonLd;
using Credstack.JsonLd.Canonicalization;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>Shared state of the Data Integrity tests: vector files, keys, a clock, signers and verifiers.</summary>
internal static class DataIntegrityFixtures
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<JsonLdOptions> TestContexts = new(() => JsonLdCanonicalizer.WithDocumentMap(Conformance.PathOf("contexts", "index.json")));

    /// <summary>The pinned contexts plus the test-only ones of the conformance folder (citizenship v4rc1).</summary>
    public static JsonLdOptions TestJsonLd => TestContexts.Value;

    public static TimeProvider Clock { get; } = new FixedTimeProvider(Now);

    public static DataIntegritySigner Signer(DateTimeOffset? now = null) => new(new FixedTimeProvider(now ?? Now), TestJsonLd);

    public static DataIntegrityVerifier DidVerifier(DateTimeOffset? now = null) =>
        new(new DidVerificationMethodResolver(new DidResolver()), new FixedTimeProvider(now ?? Now), TestJsonLd);

    /// <summary>The W3C vectors sign for https://vc.example/issuers/5678 with a did:key it cannot control.</summary>
    public static DataIntegrityVerificationOptions VectorOptions { get; } = new() { RequireIssuerControl = false };

    public static string Read(params string[] parts) => File.ReadAllText(Conformance.PathOf(parts));

    public static byte[] ReadBytes(params string[] parts) => File.ReadAllBytes(Conformance.PathOf(parts));

    public static SigningKey KeyPair(params string[] parts)
    {
        var (publicKey, secret) = ConformanceKeys.Read(Conformance.PathOf(parts));
        return Multikey.ImportKeyPair(publicKey, secret).Key!;
    }

    public static DataIntegrityCryptosuite SuiteFor(string name) => name switch
    {
        "eddsa-rdfc-2022" => DataIntegrityCryptosuite.EddsaRdfc2022,
        "eddsa-jcs-2022" => DataIntegrityCryptosuite.EddsaJcs2022,
        "ecdsa-rdfc-2019" => DataIntegrityCryptosuite.EcdsaRdfc2019,
        "ecdsa-jcs-2019" => DataIntegrityCryptosuite.EcdsaJcs2019,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a signing suite."),
    };

    /// <summary>Proof options equal to a vector's proof configuration file.</summary>
    public static DataIntegrityProofOptions OptionsFrom(JsonElement config)
    {
        IReadOnlyList<string>? previous = null;
        if (config.TryGetProperty("previousProof", out var p))
        {
            previous = p.ValueKind == JsonValueKind.Array ? [.. p.EnumerateArray().Select(e => e.GetString()!)] : [p.GetString()!];
        }

        return new DataIntegrityProofOptions
        {
            VerificationMethod = config.GetProperty("verificationMethod").GetString()!,
            Cryptosuite = SuiteFor(config.GetProperty("cryptosuite").GetString()!),
            Created = DateTimeOffset.Parse(config.GetProperty("created").GetString()!, CultureInfo.InvariantCulture),
            ProofPurpose = config.GetProperty("proofPurpose").GetString()!,
            Id = config.TryGetProperty("id", out var id) ? id.GetString() : null,
            PreviousProof = previous,
        };
    }

    public static JsonNode ProofOf(byte[] document, int index = -1)
    {
        var proof = JsonNode.Parse(document)!["proof"]!;
        return proof is JsonArray array ? array[index < 0 ? array.Count - 1 : index]! : proof;
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    /// <summary>Applies <paramref name="change"/> to a parsed copy of <paramref name="document"/>.</summary>
    public static byte[] Edit(byte[] document, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        change(root);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
