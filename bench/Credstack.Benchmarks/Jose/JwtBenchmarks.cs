using System.Text;
using BenchmarkDotNet.Attributes;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Benchmarks.Jose;

/// <summary>
/// Securing and verifying a typical Open Badges 3.0 credential (about 1.3 KB of JSON) as a JWT: VC-JOSE with EdDSA and
/// the OB 3.0 VC-JWT with RS256 (2048-bit). Verification includes decoding, key lookup (in memory) and claim checks.
/// </summary>
[MemoryDiagnoser]
public class JwtBenchmarks
{
    private const string Kid = "did:web:example.edu#key-1";

    private const string Credential = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id":"urn:uuid:a63a60be-f4af-491c-87fc-2c8fd3007a58","type":["VerifiableCredential","OpenBadgeCredential"],
         "name":"Teamwork Badge",
         "issuer":{"id":"did:web:example.edu","type":["Profile"],"name":"Example University","url":"https://example.edu",
           "image":{"id":"https://example.edu/logo.png","type":"Image"}},
         "validFrom":"2024-01-01T00:00:00Z","validUntil":"2034-01-01T00:00:00Z",
         "credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","type":["AchievementSubject"],
           "achievement":{"id":"https://example.edu/achievements/teamwork","type":["Achievement"],"name":"Teamwork",
             "description":"This badge recognizes the development of the capacity to collaborate within a group environment.",
             "criteria":{"narrative":"Team members are nominated for this badge by their peers and recognized upon review by Example Corp management."},
             "image":{"id":"https://example.edu/achievements/teamwork/image.png","type":"Image"},
             "alignment":[{"type":["Alignment"],"targetName":"Collaboration","targetUrl":"https://esco.ec.europa.eu/en/skill/collaborate","targetFramework":"ESCO"}]}},
         "credentialSchema":[{"id":"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json","type":"1EdTechJsonSchemaValidator2019"}]}
        """;

    private byte[] _credential = null!;
    private SigningKey _key = null!;
    private JwtVerifier _verifier = null!;
    private string _token = null!;

    [Params("VC-JOSE EdDSA", "OB3 RS256")]
    public string Format { get; set; } = "VC-JOSE EdDSA";

    [GlobalSetup]
    public void Setup()
    {
        _credential = Encoding.UTF8.GetBytes(Credential);
        _key = SigningKey.Generate(IsVcJose ? KeyType.Ed25519 : KeyType.Rsa);
        var resolver = new StaticJwtKeyResolver().Add(Kid, _key.PublicKey);
        _verifier = new JwtVerifier(resolver, new FixedTime(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        _token = Sign();
        if (!Verify().GetAwaiter().GetResult().Succeeded)
        {
            throw new InvalidOperationException("The benchmark token does not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    private bool IsVcJose => Format.StartsWith("VC-JOSE", StringComparison.Ordinal);

    [Benchmark]
    public string Sign() => (IsVcJose
        ? JwtCredentialSigner.SignCredential(_credential, _key, Kid)
        : JwtCredentialSigner.SignOpenBadges(_credential, _key, Kid)).Token!;

    [Benchmark]
    public Task<JwtVerificationResult> Verify() => _verifier.VerifyAsync(_token);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
