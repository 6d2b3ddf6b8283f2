using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Credstack.Benchmarks.Canonicalization;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Benchmarks.DataIntegrity;

/// <summary>
/// Issuing (canonicalize + hash + sign + serialize) and verifying (did:key, no status) the typical OB 3.0 credential
/// per cryptosuite, one credential and a batch of 100 distinct ones, on one thread. The Credstack side of
/// bench/interop-compare.sh; tools/interop/bench.mjs measures the JavaScript stack on the same credential
/// (Data/ob3-credential.json with a did:key issuer and the VC undefined-terms context, as in DataIntegrityBenchmarks).
/// </summary>
[MemoryDiagnoser]
public class CryptosuiteBenchmarks
{
    private const int BatchSize = 100;

    private SigningKey _key = null!;
    private DataIntegritySigner _signer = null!;
    private DataIntegrityVerifier _verifier = null!;
    private DataIntegrityProofOptions _options = null!;
    private byte[] _credential = null!;
    private byte[][] _batch = null!;
    private byte[] _signed = null!;
    private byte[][] _signedBatch = null!;

    [Params("eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019-p256", "ecdsa-rdfc-2019-p384")]
    public string Suite { get; set; } = "eddsa-rdfc-2022";

    [GlobalSetup]
    public void Setup()
    {
        (_key, var suite) = Suite switch
        {
            "eddsa-rdfc-2022" => ((SigningKey)Ed25519SigningKey.FromSeed(new byte[32]), DataIntegrityCryptosuite.EddsaRdfc2022),
            "eddsa-jcs-2022" => (Ed25519SigningKey.FromSeed(new byte[32]), DataIntegrityCryptosuite.EddsaJcs2022),
            "ecdsa-rdfc-2019-p256" => (SigningKey.Generate(KeyType.P256), DataIntegrityCryptosuite.EcdsaRdfc2019),
            "ecdsa-rdfc-2019-p384" => (SigningKey.Generate(KeyType.P384), DataIntegrityCryptosuite.EcdsaRdfc2019),
            _ => throw new InvalidOperationException("Unknown suite " + Suite),
        };
        var did = DidKey.CreateDid(_key.PublicKey);
        _credential = ForIssuer(CanonicalizationInputs.Ob3CredentialJson(), did);
        _batch = [.. CanonicalizationInputs.Ob3CredentialBatch().Take(BatchSize).Select(c => ForIssuer(c, did))];

        var clock = new FixedTime(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        _signer = new DataIntegritySigner(clock);
        _verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver()), clock);
        _options = new DataIntegrityProofOptions { VerificationMethod = DidKey.VerificationMethodId(_key.PublicKey), Cryptosuite = suite };

        _signed = Sign();
        _signedBatch = [.. _batch.Select(c => _signer.Sign(c, _key, _options).SignedDocument!)];
        foreach (var signed in _signedBatch.Prepend(_signed))
        {
            var report = _verifier.VerifyAsync(signed).GetAwaiter().GetResult();
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("The benchmark credential does not verify: " + report);
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public byte[] Sign() => _signer.Sign(_credential, _key, _options).SignedDocument
        ?? throw new InvalidOperationException("Signing failed.");

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int SignBatch()
    {
        var bytes = 0;
        foreach (var credential in _batch)
        {
            bytes += _signer.Sign(credential, _key, _options).SignedDocument!.Length;
        }

        return bytes;
    }

    [Benchmark]
    public async Task<bool> Verify() => (await _verifier.VerifyAsync(_signed)).Succeeded;

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public async Task<int> VerifyBatch()
    {
        var verified = 0;
        foreach (var signed in _signedBatch)
        {
            verified += (await _verifier.VerifyAsync(signed)).Succeeded ? 1 : 0;
        }

        return verified;
    }

    /// <summary>
    /// The credential issued by <paramref name="did"/>, so verification passes the issuer-control check; with the VC
    /// undefined-terms context, because the schema type 1EdTechJsonSchemaValidator2019 is in no context the
    /// credential cites and safe-mode RDFC (Credstack's and the JavaScript stack's) refuses undefined terms.
    /// </summary>
    internal static byte[] ForIssuer(byte[] credential, string did)
    {
        var root = JsonNode.Parse(credential)!.AsObject();
        root["issuer"]!["id"] = did;
        root["@context"]!.AsArray().Add("https://www.w3.org/ns/credentials/undefined-terms/v2");
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
