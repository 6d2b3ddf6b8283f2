using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Baking;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Tests.Baking;
using Credstack.Credentials.Tests.DataIntegrity;
using Credstack.JsonLd.Canonicalization;
using Credstack.JsonLd.Jcs;

namespace Credstack.Credentials.Tests.Fuzzing;

/// <summary>How a subject's bytes are secured, which decides its canonical form and how JSON-aware mutations reach the JSON.</summary>
internal enum FuzzFormat
{
    /// <summary>A JSON-LD credential with an RDFC-canonicalized Data Integrity proof: canonical form = RDFC N-Quads.</summary>
    RdfcJson,

    /// <summary>A JSON credential with a JCS Data Integrity proof: canonical form = RFC 8785 JCS.</summary>
    JcsJson,

    /// <summary>A compact VC-JOSE JWT: canonical form = the JWS signing input (header.payload).</summary>
    Jwt,

    /// <summary>A PNG with a baked eddsa-rdfc-2022 credential: canonical form = RDFC N-Quads of the baked credential.</summary>
    BakedPng,
}

/// <summary>One signed original to mutate: its bytes, format and canonical form.</summary>
internal sealed class FuzzSubject
{
    private const string UnsignedTemplate = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
         "id":"urn:uuid:5f1c3c2e-0b7e-4a53-a2a4-0c6a4f1d3e21","type":["VerifiableCredential","ExampleAlumniCredential"],
         "name":"Alumni Credential","description":{"@value":"Proof of alumni status","@language":"en"},
         "issuer":{"id":"ISSUER","name":"Example University"},"validFrom":"2024-01-01T00:00:00Z","validUntil":"2030-01-01T00:00:00Z",
         "credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","alumniOf":{"name":"The School of Examples","year":2019,
           "gpa":3.75,"honours":true,"courses":["Maths","Physics","Chemistry"]}}}
        """;

    private static readonly byte[] BasePng = TestPng.OnePixel();

    private FuzzSubject(string name, FuzzFormat format, byte[] original, int count)
    {
        Name = name;
        Format = format;
        Original = original;
        Count = count;
        OriginalCanonical = CanonicalForm(original) ?? throw new InvalidOperationException($"The {name} original has no canonical form.");
    }

    public string Name { get; }

    public FuzzFormat Format { get; }

    public byte[] Original { get; }

    /// <summary>How many mutants of this subject the test runs.</summary>
    public int Count { get; }

    public string OriginalCanonical { get; }

    /// <summary>
    /// The five originals. Every byte is fixed, so a seed reproduces the same mutants anywhere: Ed25519 signatures are
    /// deterministic (the W3C vc-di-eddsa test key), and the ECDSA original, whose signature is randomized, was signed
    /// once with the vc-di-ecdsa P-256 test key and is kept beside this file.
    /// </summary>
    public static IReadOnlyList<FuzzSubject> CreateAll([CallerFilePath] string thisFile = "")
    {
        using var ed25519 = DataIntegrityFixtures.KeyPair("vc-di-eddsa", "TestVectors", "keyPair.json");
        var rdfc = SignDataIntegrity(ed25519, DataIntegrityCryptosuite.EddsaRdfc2022);
        var ecdsa = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "ecdsa-rdfc-2019-original.json"));
        return
        [
            new("eddsa-rdfc-2022", FuzzFormat.RdfcJson, rdfc, 2_500),
            new("eddsa-jcs-2022", FuzzFormat.JcsJson, SignDataIntegrity(ed25519, DataIntegrityCryptosuite.EddsaJcs2022), 2_000),
            new("ecdsa-rdfc-2019", FuzzFormat.RdfcJson, ecdsa, 2_000),
            new("vc-jwt (EdDSA)", FuzzFormat.Jwt, SignJwt(ed25519), 2_000),
            new("baked PNG (eddsa-rdfc-2022)", FuzzFormat.BakedPng, PngBaker.Bake(BasePng, Encoding.UTF8.GetString(rdfc)).Image!, 1_500),
        ];
    }

    /// <summary>Mutant <paramref name="index"/> of this subject for <paramref name="seed"/>: the same every time.</summary>
    public Mutant Mutate(ulong seed, int index)
    {
        var random = FuzzRandom.For(seed, Name, index);
        if (random.Chance(50))
        {
            return CredentialMutator.MutateBytes(Original, random);
        }

        switch (Format)
        {
            case FuzzFormat.Jwt:
                {
                    var parts = Encoding.ASCII.GetString(Original).Split('.');
                    var part = random.Chance(25) ? 0 : 1;
                    var json = Encoding.UTF8.GetString(Base64UrlDecode(parts[part]));
                    var mutant = CredentialMutator.MutateJson(json, random);
                    parts[part] = System.Buffers.Text.Base64Url.EncodeToString(mutant.Bytes);
                    return new(Encoding.ASCII.GetBytes(string.Join('.', parts)), (part == 0 ? "header " : "payload ") + mutant.Description);
                }

            case FuzzFormat.BakedPng:
                {
                    var payload = PngBaker.Unbake(Original).Payload!;
                    var mutant = CredentialMutator.MutateJson(payload, random);
                    var baked = PngBaker.Bake(BasePng, Encoding.UTF8.GetString(mutant.Bytes));
                    return baked.Succeeded
                        ? new(baked.Image!, "baked " + mutant.Description)
                        : CredentialMutator.MutateBytes(Original, random);
                }

            default:
                return CredentialMutator.MutateJson(Encoding.UTF8.GetString(Original), random);
        }
    }

    /// <summary>The canonical form the signature covers, or null when the bytes have none (not JSON, not JSON-LD, not baked...).</summary>
    public string? CanonicalForm(byte[] bytes)
    {
        try
        {
            switch (Format)
            {
                case FuzzFormat.RdfcJson:
                    return Rdfc(bytes);
                case FuzzFormat.JcsJson:
                    return Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(WithSingleProofUnwrapped(bytes)));
                case FuzzFormat.Jwt:
                    {
                        var token = Encoding.UTF8.GetString(bytes);
                        var dot = token.LastIndexOf('.');
                        return dot < 0 ? null : token[..dot];
                    }

                default:
                    {
                        var unbaked = PngBaker.Unbake(bytes);
                        return unbaked.Status == UnbakeStatus.Found && unbaked.Payload is { } payload ? Rdfc(Encoding.UTF8.GetBytes(payload)) : null;
                    }
            }
        }
#pragma warning disable CA1031 // The oracle is test code: whatever makes a mutant uncanonicalizable means "no canonical form".
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    public override string ToString() => Name;

    /// <summary>
    /// A proof set of one proof is the same secured document as that proof alone (Data Integrity §2.1), and JSON-LD makes
    /// them one graph; for the JCS text, which would tell them apart, the one-element array is unwrapped.
    /// </summary>
    private static byte[] WithSingleProofUnwrapped(byte[] bytes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            return bytes;
        }

        if (root is JsonObject obj && obj["proof"] is JsonArray { Count: 1 } set)
        {
            var single = set[0];
            set.Clear();
            obj["proof"] = single;
            return Encoding.UTF8.GetBytes(obj.ToJsonString());
        }

        return bytes;
    }

    private static string Rdfc(byte[] json) =>
        JsonLdCanonicalizer.Canonicalize(json, DataIntegrityFixtures.TestJsonLd with { SafeMode = true }).CanonicalNQuads;

    /// <summary>The unsigned credential every subject starts from, issued by <paramref name="issuer"/>.</summary>
    public static string UnsignedFor(string issuer) => UnsignedTemplate.Replace("ISSUER", issuer, StringComparison.Ordinal);

    private static byte[] SignDataIntegrity(SigningKey key, DataIntegrityCryptosuite suite)
    {
        var unsigned = Encoding.UTF8.GetBytes(UnsignedFor(DidKey.CreateDid(key.PublicKey)));
        var result = DataIntegrityFixtures.Signer().Sign(unsigned, key, new DataIntegrityProofOptions
        {
            VerificationMethod = DidKey.VerificationMethodId(key.PublicKey),
            Cryptosuite = suite,
        });
        return result.SignedDocument ?? throw new InvalidOperationException(result.ToString());
    }

    private static byte[] SignJwt(SigningKey key)
    {
        var unsigned = Encoding.UTF8.GetBytes(UnsignedFor(DidKey.CreateDid(key.PublicKey)));
        var result = JwtCredentialSigner.SignCredential(unsigned, key, DidKey.VerificationMethodId(key.PublicKey));
        return Encoding.ASCII.GetBytes(result.Token ?? throw new InvalidOperationException(result.ToString()));
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
