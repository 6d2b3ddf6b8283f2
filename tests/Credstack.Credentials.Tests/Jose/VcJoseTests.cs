using System.Text;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Jose;

public sealed class VcJoseTests
{
    private const string Kid = "https://example.issuer/keys#1";
    private const string Credential = """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":{"id":"https://example.issuer"},"credentialSubject":{"id":"did:example:subject"}}""";

    private static JwtVerifier Verifier(SigningKey key) =>
        new(new StaticJwtKeyResolver().Add(Kid, key.PublicKey), new FixedTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData(KeyType.Ed25519, "EdDSA")]
    [InlineData(KeyType.P256, "ES256")]
    [InlineData(KeyType.P384, "ES384")]
    [InlineData(KeyType.Rsa, "RS256")]
    public async Task A_credential_round_trips_with_its_exact_bytes_as_the_payload(KeyType keyType, string alg)
    {
        var key = JoseKeys.For(keyType);
        var bytes = Encoding.UTF8.GetBytes(Credential);
        var signed = JwtCredentialSigner.SignCredential(bytes, key, Kid);
        Assert.True(signed.Succeeded, signed.ToString());
        Assert.Equal(bytes, JoseTokens.PayloadBytes(signed.Token));
        Assert.Equal($$"""{"alg":"{{alg}}","kid":"{{Kid}}","typ":"vc+jwt","cty":"vc"}""", JoseTokens.Part(signed.Token, 0).GetRawText());

        var result = await Verifier(key).VerifyAsync(signed.Token);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(JwtProfile.VcJoseCredential, result.Profile);
        Assert.Equal(Credential, result.Credential!.Value.GetRawText());
    }

    [Fact]
    public async Task A_credential_token_is_refused_when_verified_as_a_presentation()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var signed = JwtCredentialSigner.SignCredential(Encoding.UTF8.GetBytes(Credential), key, Kid);
        var result = await Verifier(key).VerifyAsync(signed.Token, JwtProfile.VcJosePresentation);
        Assert.True(result.HasProblem(JwtProblem.TypeInvalid), result.ToString());
        Assert.True(result.HasProblem(JwtProblem.ContentTypeInvalid), result.ToString());
    }

    [Fact]
    public async Task Verify_reports_a_wrong_typ_together_with_a_bad_signature()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var token = JoseTokens.Sign($$"""{"alg":"EdDSA","kid":"{{Kid}}","typ":"JWT"}""", Credential, key);
        var tampered = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");
        var result = await Verifier(key).VerifyAsync(tampered, JwtProfile.VcJoseCredential);
        Assert.Equal([JwtProblem.TypeInvalid, JwtProblem.SignatureInvalid], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task Verify_reports_iss_that_is_not_the_issuer()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var payload = Credential.Replace("{\"@context\"", "{\"iss\":\"https://other.example\",\"@context\"", StringComparison.Ordinal);
        var token = JoseTokens.Sign($$"""{"alg":"EdDSA","kid":"{{Kid}}","typ":"vc+jwt"}""", payload, key);
        var result = await Verifier(key).VerifyAsync(token);
        Assert.Equal(JwtProblem.ClaimMismatch, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task Verify_reports_an_expired_VC_JOSE_token()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var payload = Credential.Replace("{\"@context\"", "{\"exp\":1700000000,\"@context\"", StringComparison.Ordinal);
        var token = JoseTokens.Sign($$"""{"alg":"EdDSA","kid":"{{Kid}}","typ":"vc+jwt"}""", payload, key);
        var result = await Verifier(key).VerifyAsync(token);
        Assert.Equal(JwtProblem.Expired, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Signing_a_credential_with_a_vc_member_is_refused()
    {
        var signed = JwtCredentialSigner.SignCredential(
            """{"type":["VerifiableCredential"],"issuer":"https://example.issuer","vc":{}}"""u8, JoseKeys.For(KeyType.Ed25519), Kid);
        Assert.Equal(JwtProblem.ClaimForbidden, signed.Problem);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("""{"type":["VerifiableCredential"],"type":["X"]}""")]
    [InlineData("""{"type":["SomethingElse"]}""")]
    public void Signing_something_that_is_not_a_credential_is_refused(string document)
    {
        var signed = JwtCredentialSigner.SignCredential(Encoding.UTF8.GetBytes(document), JoseKeys.For(KeyType.Ed25519), Kid);
        Assert.Equal(JwtProblem.PayloadInvalid, signed.Problem);
    }

    [Fact]
    public async Task A_presentation_of_enveloped_credentials_round_trips_and_lists_them()
    {
        var key = JoseKeys.For(KeyType.P384);
        var credential = JwtCredentialSigner.SignCredential(Encoding.UTF8.GetBytes(Credential), key, Kid).Token;
        var presentation = $$"""
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":"https://example.issuer",
             "verifiableCredential":[{"@context":"https://www.w3.org/ns/credentials/v2","type":"EnvelopedVerifiableCredential","id":"data:application/vc+jwt,{{credential}}"}]}
            """;
        var signed = JwtCredentialSigner.SignPresentation(Encoding.UTF8.GetBytes(presentation), key, Kid);
        Assert.True(signed.Succeeded, signed.ToString());

        var result = await Verifier(key).VerifyAsync(signed.Token);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(JwtProfile.VcJosePresentation, result.Profile);
        var enveloped = Assert.Single(result.EnvelopedCredentials);
        Assert.Equal("application/vc+jwt", enveloped.MediaType);

        var inner = await Verifier(key).VerifyAsync(enveloped.Data);
        Assert.True(inner.Succeeded, inner.ToString());
    }

    [Fact]
    public void Signing_a_presentation_with_an_unsecured_credential_is_refused()
    {
        var presentation = """{"type":["VerifiablePresentation"],"verifiableCredential":[""" + Credential + "]}";
        var signed = JwtCredentialSigner.SignPresentation(Encoding.UTF8.GetBytes(presentation), JoseKeys.For(KeyType.Ed25519), Kid);
        Assert.Equal(JwtProblem.EnvelopedCredentialInvalid, signed.Problem);
    }
}
