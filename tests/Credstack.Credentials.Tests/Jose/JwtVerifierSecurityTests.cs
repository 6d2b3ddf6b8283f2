using System.Security.Cryptography;
using System.Text;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Jose;

public sealed class JwtVerifierSecurityTests
{
    private const string Kid = "did:example:issuer#key-1";
    private const string Credential = """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:issuer","credentialSubject":{"id":"did:example:subject"}}""";

    private static JwtVerifier Verifier(SigningKey key, JwtVerificationOptions? options = null) =>
        new(new StaticJwtKeyResolver().Add(Kid, key.PublicKey), new FixedTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)), options);

    private static string Header(string alg, string extra = "") => $$"""{"alg":"{{alg}}","kid":"{{Kid}}","typ":"vc+jwt","cty":"vc"{{extra}}}""";

    [Fact]
    public async Task A_well_formed_token_verifies_so_the_negative_cases_below_fail_for_their_own_reason()
    {
        var key = JoseKeys.For(KeyType.P256);
        var result = await Verifier(key).VerifyAsync(JoseTokens.Sign(Header("ES256"), Credential, key));
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(JwtProfile.VcJoseCredential, result.Profile);
    }

    [Fact]
    public async Task Verify_refuses_alg_none_with_an_empty_signature()
    {
        var key = JoseKeys.For(KeyType.P256);
        var token = JoseTokens.Unsigned(Header("none"), Credential, []);
        var result = await Verifier(key).VerifyAsync(token);
        Assert.Equal(JwtProblem.AlgorithmNotAllowed, Assert.Single(result.Problems).Code);
        Assert.Null(result.Credential);
    }

    [Fact]
    public async Task Verify_refuses_HS256_made_with_the_public_key_as_the_HMAC_secret()
    {
        // The classic algorithm-confusion forgery: a verifier that lets the header pick the algorithm would check this
        // HMAC with the public key bytes it holds, and accept it.
        var key = JoseKeys.For(KeyType.Rsa);
        var header = Header("HS256");
        var secret = Encoding.UTF8.GetBytes(key.PublicKey.ExportJwk().ToJson());
        var signingInput = JoseTokens.B64(header) + "." + JoseTokens.B64(Credential);
        var token = JoseTokens.Unsigned(header, Credential, HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));

        var result = await Verifier(key).VerifyAsync(token);
        Assert.Equal(JwtProblem.AlgorithmNotAllowed, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_refuses_an_RS256_header_when_the_key_is_an_EC_key()
    {
        var key = JoseKeys.For(KeyType.P256);
        var token = JoseTokens.Sign(Header("RS256"), Credential, key);
        var result = await Verifier(key).VerifyAsync(token);
        Assert.Equal(JwtProblem.AlgorithmKeyMismatch, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_refuses_an_EdDSA_header_when_the_key_is_RSA()
    {
        var rsa = JoseKeys.For(KeyType.Rsa);
        var token = JoseTokens.Sign(Header("EdDSA"), Credential, JoseKeys.For(KeyType.Ed25519));
        var result = await Verifier(rsa).VerifyAsync(token);
        Assert.Equal(JwtProblem.AlgorithmKeyMismatch, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_reports_a_bad_signature_when_one_byte_of_the_payload_changes()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var token = JoseTokens.Sign(Header("EdDSA"), Credential, key);
        var parts = token.Split('.');
        var tampered = JoseTokens.B64(Credential.Replace("did:example:subject", "did:example:subjecT", StringComparison.Ordinal));
        var result = await Verifier(key).VerifyAsync(string.Join('.', parts[0], tampered, parts[2]));
        Assert.Equal(JwtProblem.SignatureInvalid, Assert.Single(result.Problems).Code);
        Assert.Null(result.Credential);
    }

    [Fact]
    public async Task Verify_reports_a_bad_signature_when_one_byte_of_the_signature_changes()
    {
        var key = JoseKeys.For(KeyType.Rsa);
        var token = JoseTokens.Sign(Header("RS256"), Credential, key);
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[2]);
        signature[10] ^= 1;
        var result = await Verifier(key).VerifyAsync(token[..(token.LastIndexOf('.') + 1)] + System.Buffers.Text.Base64Url.EncodeToString(signature));
        Assert.Equal(JwtProblem.SignatureInvalid, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_refuses_a_header_jwk_that_carries_a_private_key()
    {
        var key = JoseKeys.For(KeyType.P256);
        var header = $$"""{"alg":"ES256","typ":"JWT","jwk":{{key.ExportPrivateJwk().ToJson()}}}""";
        var token = JoseTokens.Sign(header, """{"iss":"did:example:issuer","vc":""" + Credential + "}", key);
        var result = await new JwtVerifier(new DidJwtKeyResolver(new DidResolver())).VerifyAsync(token);
        Assert.Equal(JwtProblem.KeyPrivate, Assert.Single(result.Problems).Code);
        Assert.Null(result.Key);
    }

    [Theory]
    [InlineData(""", "crit":["exp"], "exp":1 """, JwtProblem.CriticalHeaderUnsupported)]
    [InlineData(""", "crit":[] """, JwtProblem.CriticalHeaderUnsupported)]
    [InlineData(""", "crit":"b64" """, JwtProblem.CriticalHeaderUnsupported)]
    [InlineData(""", "b64":false, "crit":["b64"] """, JwtProblem.UnencodedPayloadUnsupported)]
    [InlineData(""", "b64":false """, JwtProblem.UnencodedPayloadUnsupported)]
    public async Task Verify_refuses_critical_extensions_and_unencoded_payloads(string extra, string code)
    {
        var key = JoseKeys.For(KeyType.P256);
        var result = await Verifier(key).VerifyAsync(JoseTokens.Sign(Header("ES256", extra), Credential, key));
        Assert.Equal(code, Assert.Single(result.Problems).Code);
    }

    [Theory]
    [InlineData("ES512", JwtProblem.AlgorithmNotSupported)]
    [InlineData("PS256", JwtProblem.AlgorithmNotSupported)]
    [InlineData("NONE", JwtProblem.AlgorithmNotAllowed)]
    [InlineData("HS512", JwtProblem.AlgorithmNotAllowed)]
    [InlineData("", JwtProblem.AlgorithmNotAllowed)]
    public async Task Verify_reports_unsupported_and_disallowed_algorithms(string alg, string code)
    {
        var key = JoseKeys.For(KeyType.P256);
        var result = await Verifier(key).VerifyAsync(JoseTokens.Sign(Header(alg), Credential, key));
        Assert.Equal(code, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_honours_a_narrower_algorithm_allow_list()
    {
        var key = JoseKeys.For(KeyType.P256);
        var options = new JwtVerificationOptions { AllowedAlgorithms = new HashSet<string>(StringComparer.Ordinal) { "EdDSA" } };
        var result = await Verifier(key, options).VerifyAsync(JoseTokens.Sign(Header("ES256"), Credential, key));
        Assert.Equal(JwtProblem.AlgorithmNotAllowed, Assert.Single(result.Problems).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("a.b.c.d.e")]
    [InlineData("..")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.*")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9=.e30.AA")]
    [InlineData("eyJhbGc iOiJFUzI1NiJ9.e30.AA")]
    [InlineData("bm90IGpzb24.e30.AA")]
    [InlineData("WzFd.e30.AA")]
    [InlineData("eyJhbGciOiJFUzI1NiIsImFsZyI6Im5vbmUifQ.e30.AA")]
    public async Task Verify_reports_malformed_tokens_as_values(string? token)
    {
        var result = await Verifier(JoseKeys.For(KeyType.P256)).VerifyAsync(token);
        Assert.Equal(JwtProblem.Malformed, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_refuses_a_token_beyond_the_size_cap_before_decoding_it()
    {
        var key = JoseKeys.For(KeyType.P256);
        var big = Credential.Replace("\"issuer\"", $"\"padding\":\"{new string('x', 5000)}\",\"issuer\"", StringComparison.Ordinal);
        var token = JoseTokens.Sign(Header("ES256"), big, key);

        var capped = await Verifier(key, new JwtVerificationOptions { MaxTokenLength = 4096 }).VerifyAsync(token);
        Assert.Equal(JwtProblem.TooLarge, Assert.Single(capped.Problems).Code);
        Assert.Null(capped.Header);

        var uncapped = await Verifier(key).VerifyAsync(token);
        Assert.True(uncapped.Succeeded, uncapped.ToString());
    }

    [Fact]
    public async Task Verify_reports_a_payload_that_is_not_a_JSON_object()
    {
        var key = JoseKeys.For(KeyType.P256);
        var result = await Verifier(key).VerifyAsync(JoseTokens.Sign(Header("ES256"), "[1,2]", key));
        Assert.Equal(JwtProblem.PayloadInvalid, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_reports_an_unknown_kid()
    {
        var key = JoseKeys.For(KeyType.P256);
        var token = JoseTokens.Sign(Header("ES256").Replace(Kid, "did:example:issuer#other", StringComparison.Ordinal), Credential, key);
        var result = await Verifier(key).VerifyAsync(token);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(result.Problems).Code);
    }
}
