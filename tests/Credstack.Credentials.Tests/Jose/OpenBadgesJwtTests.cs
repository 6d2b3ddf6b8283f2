using System.Text;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Jose;

public sealed class OpenBadgesJwtTests
{
    private const string Kid = "https://example.edu/issuers/565049#key-1";
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    internal static string Credential(string validFrom = "2024-01-01T00:00:00Z", string? validUntil = "2030-01-01T00:00:00Z", string issuer = "https://example.edu/issuers/565049") =>
        $$"""
        {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
         "id":"http://example.edu/credentials/3732","type":["VerifiableCredential","OpenBadgeCredential"],
         "issuer":{"id":"{{issuer}}","type":["Profile"],"name":"Example University"},
         "validFrom":"{{validFrom}}"{{(validUntil is null ? "" : $",\"validUntil\":\"{validUntil}\"")}},
         "name":"Example Badge",
         "credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","type":["AchievementSubject"],
           "achievement":{"id":"https://example.edu/achievements/1","type":["Achievement"],"name":"Badge","criteria":{"narrative":"Do it."},"description":"A badge."} } }
        """;

    private static JwtVerifier Verifier(SigningKey key, DateTimeOffset? now = null, JwtVerificationOptions? options = null) =>
        new(new StaticJwtKeyResolver().Add(Kid, key.PublicKey), new FixedTimeProvider(now ?? Now), options);

    [Theory]
    [InlineData(KeyType.Rsa, "RS256")]
    [InlineData(KeyType.P256, "ES256")]
    [InlineData(KeyType.Ed25519, "EdDSA")]
    public async Task A_signed_credential_verifies_and_its_claims_mirror_the_credential(KeyType keyType, string alg)
    {
        var key = JoseKeys.For(keyType);
        var credential = Credential();
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(credential), key, Kid);
        Assert.True(signed.Succeeded, signed.ToString());

        var header = JoseTokens.Part(signed.Token, 0);
        Assert.Equal($$"""{"alg":"{{alg}}","typ":"JWT","kid":"{{Kid}}"}""", header.GetRawText());
        var claims = JoseTokens.Part(signed.Token, 1);
        Assert.Equal("https://example.edu/issuers/565049", claims.GetProperty("iss").GetString());
        Assert.Equal("http://example.edu/credentials/3732", claims.GetProperty("jti").GetString());
        Assert.Equal("did:example:ebfeb1f712ebc6f1c276e12ec21", claims.GetProperty("sub").GetString());
        Assert.Equal(1704067200, claims.GetProperty("nbf").GetInt64());
        Assert.Equal(1893456000, claims.GetProperty("exp").GetInt64());
        Assert.Equal(credential, claims.GetProperty("vc").GetRawText());

        var result = await Verifier(key).VerifyAsync(signed.Token);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(JwtProfile.OpenBadges, result.Profile);
        Assert.Equal(Kid, result.KeyId);
        Assert.Same(key.PublicKey, result.Key);
        Assert.Equal("Example Badge", result.Credential!.Value.GetProperty("name").GetString());
    }

    [Fact]
    public void Signing_is_deterministic_for_EdDSA()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var credential = Encoding.UTF8.GetBytes(Credential());
        Assert.Equal(JwtCredentialSigner.SignOpenBadges(credential, key, Kid).Token, JwtCredentialSigner.SignOpenBadges(credential, key, Kid).Token);
    }

    [Fact]
    public async Task An_embedded_public_jwk_verifies_through_the_DID_resolver()
    {
        var key = JoseKeys.For(KeyType.P256);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(Credential()), key, keyId: null, embedPublicJwk: true);
        Assert.True(signed.Succeeded, signed.ToString());
        Assert.False(JoseTokens.Part(signed.Token, 0).GetProperty("jwk").TryGetProperty("d", out _));

        var result = await new JwtVerifier(new DidJwtKeyResolver(new DidResolver()), new FixedTimeProvider(Now)).VerifyAsync(signed.Token);
        Assert.True(result.Succeeded, result.ToString());
        Assert.StartsWith("urn:ietf:params:oauth:jwk-thumbprint:sha-256:", result.KeyId, StringComparison.Ordinal);
        Assert.False(result.KeyControllerVerified);
    }

    [Fact]
    public async Task A_registered_key_bound_to_another_issuer_is_not_used()
    {
        var key = JoseKeys.For(KeyType.P256);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(Credential()), key, Kid);

        var bound = new StaticJwtKeyResolver().Add(Kid, key.PublicKey, controller: "https://example.edu/issuers/565049");
        var good = await new JwtVerifier(bound, new FixedTimeProvider(Now)).VerifyAsync(signed.Token);
        Assert.True(good.Succeeded, good.ToString());
        Assert.True(good.KeyControllerVerified);

        var other = new StaticJwtKeyResolver().Add(Kid, key.PublicKey, controller: "https://other.example/issuer");
        var bad = await new JwtVerifier(other, new FixedTimeProvider(Now)).VerifyAsync(signed.Token);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(bad.Problems).Code);
    }

    [Fact]
    public void Signing_a_document_with_a_byte_order_mark_is_refused()
    {
        var signed = JwtCredentialSigner.SignOpenBadges([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Credential())], JoseKeys.For(KeyType.P256), Kid);
        Assert.Equal(JwtProblem.PayloadInvalid, signed.Problem);
    }

    [Fact]
    public void Signing_without_a_kid_or_jwk_is_refused()
    {
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(Credential()), JoseKeys.For(KeyType.P256), keyId: null);
        Assert.Equal(JwtProblem.IssuanceRefused, signed.Problem);
    }

    [Fact]
    public void Signing_a_credential_without_an_issuer_id_is_refused()
    {
        var signed = JwtCredentialSigner.SignOpenBadges("""{"type":["VerifiableCredential"],"validFrom":"2024-01-01T00:00:00Z"}"""u8, JoseKeys.For(KeyType.P256), Kid);
        Assert.Equal(JwtProblem.PayloadInvalid, signed.Problem);
    }

    [Fact]
    public async Task Verify_reports_an_expired_token()
    {
        var key = JoseKeys.For(KeyType.P256);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(Credential(validUntil: "2025-01-01T00:00:00Z")), key, Kid);
        var result = await Verifier(key).VerifyAsync(signed.Token);
        Assert.True(result.HasProblem(JwtProblem.Expired), result.ToString());
        Assert.Single(result.Problems);
    }

    [Fact]
    public async Task Verify_reports_a_token_that_is_not_yet_valid_but_accepts_it_within_the_clock_skew()
    {
        var key = JoseKeys.For(KeyType.P256);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(Credential(validFrom: "2025-06-01T12:05:00Z")), key, Kid);

        var strict = await Verifier(key, options: new JwtVerificationOptions { ClockSkew = TimeSpan.FromMinutes(1) }).VerifyAsync(signed.Token);
        Assert.True(strict.HasProblem(JwtProblem.NotYetValid), strict.ToString());

        var lenient = await Verifier(key, options: new JwtVerificationOptions { ClockSkew = TimeSpan.FromMinutes(10) }).VerifyAsync(signed.Token);
        Assert.True(lenient.Succeeded, lenient.ToString());
    }

    [Theory]
    [InlineData("iss", "\"https://evil.example/issuer\"")]
    [InlineData("jti", "\"http://example.edu/credentials/other\"")]
    [InlineData("sub", "\"did:example:someone-else\"")]
    [InlineData("nbf", "1704067201")]
    [InlineData("exp", "1893456001")]
    public async Task Verify_reports_a_claim_that_disagrees_with_the_credential(string claim, string value)
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var claims = new Dictionary<string, string>
        {
            ["iss"] = "\"https://example.edu/issuers/565049\"",
            ["jti"] = "\"http://example.edu/credentials/3732\"",
            ["sub"] = "\"did:example:ebfeb1f712ebc6f1c276e12ec21\"",
            ["nbf"] = "1704067200",
            ["exp"] = "1893456000",
        };
        var honest = JoseTokens.Sign("""{"alg":"EdDSA","typ":"JWT","kid":"%"}""".Replace("%", Kid, StringComparison.Ordinal), Payload(claims), key);
        Assert.True((await Verifier(key).VerifyAsync(honest)).Succeeded);

        claims[claim] = value;
        var token = JoseTokens.Sign("""{"alg":"EdDSA","typ":"JWT","kid":"%"}""".Replace("%", Kid, StringComparison.Ordinal), Payload(claims), key);
        var result = await Verifier(key).VerifyAsync(token);
        Assert.True(result.HasProblem(JwtProblem.ClaimMismatch), result.ToString());
        Assert.Contains(result.Problems, p => p.Detail.StartsWith(claim, StringComparison.Ordinal));

        static string Payload(Dictionary<string, string> claims) =>
            "{" + string.Join(",", claims.Select(c => $"\"{c.Key}\":{c.Value}")) + ",\"vc\":" + Credential() + "}";
    }

    [Fact]
    public async Task Verify_reports_a_missing_vc_claim()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var token = JoseTokens.Sign($$"""{"alg":"EdDSA","typ":"JWT","kid":"{{Kid}}"}""", """{"iss":"https://example.edu/issuers/565049"}""", key);
        var result = await Verifier(key).VerifyAsync(token);
        Assert.True(result.HasProblem(JwtProblem.ClaimMissing), result.ToString());
    }

    [Fact]
    public async Task A_VC_1_1_token_is_completed_from_its_claims()
    {
        // VC Data Model 1.1 §6.3.1: an issuer may move id, issuer, issuanceDate and the subject id into jti, iss, nbf, sub.
        var key = JoseKeys.For(KeyType.Rsa);
        const string vc = """{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","OpenBadgeCredential"],"credentialSubject":{"type":["AchievementSubject"]}}""";
        var token = JoseTokens.Sign(
            $$"""{"alg":"RS256","typ":"JWT","kid":"{{Kid}}"}""",
            $$"""{"vc":{{vc}},"iss":"https://example.edu/issuers/565049","nbf":1262304000,"jti":"http://example.edu/credentials/3732","sub":"did:example:ebfeb1f712ebc6f1c276e12ec21"}""",
            key);

        var result = await Verifier(key).VerifyAsync(token);
        Assert.True(result.Succeeded, result.ToString());
        var credential = result.Credential!.Value;
        Assert.Equal("https://example.edu/issuers/565049", credential.GetProperty("issuer").GetString());
        Assert.Equal("http://example.edu/credentials/3732", credential.GetProperty("id").GetString());
        Assert.Equal("2010-01-01T00:00:00Z", credential.GetProperty("issuanceDate").GetString());
        Assert.Equal("did:example:ebfeb1f712ebc6f1c276e12ec21", credential.GetProperty("credentialSubject").GetProperty("id").GetString());
    }
}
