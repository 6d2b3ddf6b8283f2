using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Interop.Tests;

/// <summary>
/// Credentials Credstack signed, one per <see cref="InteropCase"/> plus a tampered copy of each, and what the
/// JavaScript stack said about them: @digitalbazaar/vc for all of them (one node process), verifier-core for the
/// eddsa-rdfc-2022 one (a second process, with a local known-issuer registry naming the issuer). Computed once, on
/// first use, so that skipped tests start no node.
/// </summary>
public sealed class CredstackSignedCredentials : IDisposable
{
    private readonly Lazy<Task<Batch>> _batch;
    private readonly string _folder = Directory.CreateTempSubdirectory("credstack-interop-").FullName;

    public CredstackSignedCredentials() => _batch = new(RunAsync);

    internal sealed record Signed(string Json, string Tampered, JsonObject Verified, JsonObject TamperedVerified);

    internal sealed record Batch(IReadOnlyDictionary<string, Signed> ByCase, JsonObject Core, JsonObject CoreTampered)
    {
        /// <summary>@digitalbazaar/vc on a credential citing a context that no loader holds.</summary>
        public required JsonObject UnknownContext { get; init; }

        /// <summary>verifier-core on the same.</summary>
        public required JsonObject CoreUnknownContext { get; init; }
    }

    /// <summary>A context URL nobody serves: a stack that fetched it would need the network (and would still fail).</summary>
    internal const string UnknownContextUrl = "https://contexts.credstack.test/not-pinned/v1";

    internal Task<Batch> Results => _batch.Value;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Batch> RunAsync()
    {
        var signer = new DataIntegritySigner();
        var signed = new List<(InteropCase Case, string Json, string Tampered)>();
        var serial = 0;
        foreach (var c in InteropCase.All)
        {
            using var key = SigningKey.Generate(c.KeyType);
            var json = Sign(signer, key, c.Suite, ProofForm.SingleObject, ++serial);
            signed.Add((c, json, InteropCredentials.Tampered(json)));
        }

        // verifier-core also runs the OB 3.0 JSON schema, which wants proof as an array; and checks the issuer against
        // a registry, which here is a local file naming this issuer.
        using var coreKey = SigningKey.Generate(KeyType.Ed25519);
        var coreJson = Sign(signer, coreKey, DataIntegrityCryptosuite.EddsaRdfc2022, ProofForm.Array, ++serial);
        var issuer = DidKey.CreateDid(coreKey.PublicKey);
        var registry = Path.Combine(_folder, "registry.json");
        await File.WriteAllTextAsync(registry, JsonSerializer.Serialize(new
        {
            registry = new Dictionary<string, object> { [issuer] = new { name = "Credstack interop test issuer", url = "https://credstack.example", location = "Test" } },
        }));

        var unknownContext = WithUnknownContext(coreJson);
        var verify = JavaScriptStack.RunAsync("verify", [.. signed.SelectMany(s => new[] { s.Json, s.Tampered }), unknownContext]);
        var core = JavaScriptStack.RunAsync(
            "verify-core",
            [coreJson, InteropCredentials.Tampered(coreJson), unknownContext],
            "--registry",
            registry,
            "--schemas",
            Conformance.PathOf("openbadges", "json-schema"));
        var results = await verify;
        var coreResults = await core;

        var byCase = signed.Select((s, i) => (s.Case.Name, Value: new Signed(s.Json, s.Tampered, results[2 * i], results[(2 * i) + 1])))
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return new Batch(byCase, coreResults[0], coreResults[1]) { UnknownContext = results[^1], CoreUnknownContext = coreResults[2] };
    }

    private static string WithUnknownContext(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["@context"]!.AsArray().Add(UnknownContextUrl);
        return root.ToJsonString();
    }

    private static string Sign(DataIntegritySigner signer, SigningKey key, DataIntegrityCryptosuite suite, ProofForm form, int serial)
    {
        var result = signer.Sign(
            InteropCredentials.Unsigned(key.PublicKey, serial),
            key,
            new DataIntegrityProofOptions { VerificationMethod = DidKey.VerificationMethodId(key.PublicKey), Cryptosuite = suite, ProofForm = form });
        return result.Succeeded
            ? InteropCredentials.Text(result.SignedDocument!)
            : throw new InvalidOperationException($"Credstack could not sign the interop credential ({suite}): {result.Detail}");
    }
}
