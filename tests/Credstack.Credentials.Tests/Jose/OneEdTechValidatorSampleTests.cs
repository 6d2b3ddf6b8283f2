// 1EdTech digital-credentials-public-validator samples (../shared/conformance/openbadges/validator-samples):
// real VC-JWTs made by another implementation (RS256, VC 1.1 "vc" claim, key in the header jwk).
using System.Text.Json;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Jose;

public sealed class OneEdTechValidatorSampleTests
{
    private const string Folder = "openbadges";

    private static JwtVerifier Verifier(IJwtKeyResolver? keys = null) =>
        new(keys ?? new DidJwtKeyResolver(new DidResolver()), new FixedTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    private static Task<string> Sample(string path) => File.ReadAllTextAsync(Conformance.PathOf(Folder, "validator-samples", path));

    [ConformanceFact(Folder, "validator-samples", "clr20", "simple.jwt")]
    public async Task The_CLR_sample_verifies_with_its_header_jwk_and_its_claims_match()
    {
        var result = await Verifier().VerifyAsync(await Sample("clr20/simple.jwt"));
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(JwtProfile.OpenBadges, result.Profile);
        Assert.Equal(KeyType.Rsa, result.Key!.KeyType);
        Assert.False(result.KeyControllerVerified);
        Assert.Equal("http://example.edu/credentials/3732", result.Credential!.Value.GetProperty("id").GetString());
    }

    [ConformanceFact(Folder, "validator-samples", "clr20", "simple.jwt")]
    public async Task The_CLR_sample_fails_when_one_payload_byte_changes()
    {
        var token = (await Sample("clr20/simple.jwt")).Trim();
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]))
            .Replace("Sample Transcript", "Sample TranscripT", StringComparison.Ordinal);
        var result = await Verifier().VerifyAsync(string.Join('.', parts[0], JoseTokens.B64(payload), parts[2]));
        Assert.Equal(JwtProblem.SignatureInvalid, Assert.Single(result.Problems).Code);
    }

    [ConformanceFact(Folder, "validator-samples", "ob30", "simple.jwt")]
    public async Task The_OB30_sample_names_no_key_and_fails_as_a_value()
    {
        // The sample has neither kid nor jwk (the upstream test supplies the key out of band), so no key can be found.
        var result = await Verifier().VerifyAsync(await Sample("ob30/simple.jwt"));
        Assert.Equal(JwtProfile.OpenBadges, result.Profile);
        Assert.Equal(JwtProblem.KeyNotFound, Assert.Single(result.Problems).Code);
        Assert.Equal("RS256", result.Header!.Value.GetProperty("alg").GetString());
        Assert.Equal(JsonValueKind.Object, result.Payload!.Value.GetProperty("vc").ValueKind);
    }

    [ConformanceFact(Folder, "validator-samples", "ob30", "velocity.jwt")]
    public async Task The_Velocity_sample_names_an_unsupported_DID_method_and_fails_as_a_value()
    {
        var result = await Verifier().VerifyAsync(await Sample("ob30/velocity.jwt"));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(JwtProblem.KeyNotFound, problem.Code);
        Assert.Contains(DidProblem.UnsupportedDidMethod, problem.Detail, StringComparison.Ordinal);
    }
}
