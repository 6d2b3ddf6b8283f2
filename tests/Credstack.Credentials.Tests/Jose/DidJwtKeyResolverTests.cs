using System.Text;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Jose;

public sealed class DidJwtKeyResolverTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static JwtVerifier Verifier() => new(new DidJwtKeyResolver(new DidResolver()), new FixedTimeProvider(Now));

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    public async Task An_Open_Badges_token_signed_by_a_did_key_issuer_verifies_through_the_DID(KeyType keyType)
    {
        var key = JoseKeys.For(keyType);
        var did = DidKey.CreateDid(key.PublicKey);
        var credential = OpenBadgesJwtTests.Credential(issuer: did);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(credential), key, DidKey.VerificationMethodId(key.PublicKey));

        var result = await Verifier().VerifyAsync(signed.Token);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(DidKey.VerificationMethodId(key.PublicKey), result.KeyId);
        Assert.True(result.Key!.HasSamePublicKey(key.PublicKey));
        Assert.True(result.KeyControllerVerified);
    }

    [Fact]
    public async Task A_did_key_kid_is_refused_when_the_issuer_is_not_that_DID()
    {
        // Someone else's did:key cannot sign for https://example.edu/issuers/565049.
        var key = JoseKeys.For(KeyType.Ed25519);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(OpenBadgesJwtTests.Credential()), key, DidKey.VerificationMethodId(key.PublicKey));
        var result = await Verifier().VerifyAsync(signed.Token);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(result.Problems).Code);
        Assert.Contains(DidProblem.ControllerMismatch, result.Problems[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_did_key_that_is_not_the_issuers_is_refused()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var credential = OpenBadgesJwtTests.Credential(issuer: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(credential), key, DidKey.VerificationMethodId(key.PublicKey));

        var result = await Verifier().VerifyAsync(signed.Token);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(result.Problems).Code);
        Assert.Contains(DidProblem.ControllerMismatch, result.Problems[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kid_that_is_an_HTTP_URL_is_not_fetched()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(OpenBadgesJwtTests.Credential()), key, "https://example.edu/keys/1");
        var result = await Verifier().VerifyAsync(signed.Token);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task A_header_jwk_that_differs_from_the_kid_key_is_refused()
    {
        var key = JoseKeys.For(KeyType.Ed25519);
        var other = JoseKeys.For(KeyType.P256);
        var did = DidKey.CreateDid(key.PublicKey);
        var header = $$"""{"alg":"EdDSA","typ":"JWT","kid":"{{DidKey.VerificationMethodId(key.PublicKey)}}","jwk":{{other.PublicKey.ExportJwk().ToJson()}}}""";
        var token = JoseTokens.Sign(header, $$$"""{"iss":"{{{did}}}","vc":{"issuer":"{{{did}}}"}}""", key);
        var result = await Verifier().VerifyAsync(token);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public async Task A_header_jwk_alone_is_refused_when_the_resolver_does_not_trust_it()
    {
        var key = JoseKeys.For(KeyType.P256);
        var signed = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(OpenBadgesJwtTests.Credential()), key, keyId: null, embedPublicJwk: true);
        var verifier = new JwtVerifier(new DidJwtKeyResolver(new DidResolver()) { TrustHeaderJwk = false }, new FixedTimeProvider(Now));
        var result = await verifier.VerifyAsync(signed.Token);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(result.Problems).Code);
    }
}
