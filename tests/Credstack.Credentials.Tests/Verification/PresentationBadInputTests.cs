using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>A presentation of garbage is a report with failed checks, signed or not, never an exception.</summary>
public sealed class PresentationBadInputTests
{
    private const string Head = "\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiablePresentation\"]";

    public static TheoryData<string, string, string> Garbage() => new()
    {
        { "a number entry", "{" + Head + ",\"verifiableCredential\":[42]}", "$.verifiableCredential[0]" },
        { "a JWT string entry", "{" + Head + ",\"verifiableCredential\":[\"eyJhbGciOiJFUzI1NiJ9.e30.c2ln\"]}", "$.verifiableCredential[0]" },
        { "a URL entry", "{" + Head + ",\"verifiableCredential\":\"https://example.edu/credentials/1\"}", "$.verifiableCredential" },
        { "null, true and array entries", "{" + Head + ",\"verifiableCredential\":[null,true,[]]}", "$.verifiableCredential[2]" },
        { "an empty object entry", "{" + Head + ",\"verifiableCredential\":[{}]}", "$.verifiableCredential[0]" },
        { "an envelope without an id", "{" + Head + ",\"verifiableCredential\":[{\"@context\":\"https://www.w3.org/ns/credentials/v2\",\"type\":\"EnvelopedVerifiableCredential\"}]}", "$.verifiableCredential[0].id" },
        { "an envelope with a JWT that is not one", "{" + Head + ",\"verifiableCredential\":[{\"@context\":\"https://www.w3.org/ns/credentials/v2\",\"type\":\"EnvelopedVerifiableCredential\",\"id\":\"data:application/vc+jwt,not-a-jwt\"}]}", "$.verifiableCredential[0]" },
        { "a presentation inside a presentation", "{" + Head + ",\"verifiableCredential\":[{" + Head + "}]}", "$.verifiableCredential[0]" },
        { "a credential whose proof is garbage", "{" + Head + ",\"verifiableCredential\":[{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],\"issuer\":\"did:example:i\",\"credentialSubject\":{\"id\":\"did:example:s\"},\"proof\":[1,{\"type\":7}]}]}", "$.verifiableCredential[0]" },
        { "a holder that is a number", "{" + Head + ",\"holder\":5}", "$.holder" },
        { "a holder object without an id", "{" + Head + ",\"holder\":{\"name\":\"Acme\"}}", "$.holder.id" },
        { "a type that is a number", "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":7,\"holder\":\"did:example:h\"}", "$.type" },
        { "a proof that is a string", "{" + Head + ",\"proof\":\"zzz\"}", "$.proof" },
        { "an id that is an array", "{" + Head + ",\"id\":[\"urn:a\",\"urn:b\"]}", "$.id" },
        { "a credential that also calls itself a presentation", "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\",\"VerifiablePresentation\"],\"issuer\":\"did:example:university\",\"holder\":\"did:example:h\",\"credentialSubject\":{\"id\":\"did:example:s\",\"name\":\"Degree\"}}", "$.type" },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task An_unsigned_presentation_of_garbage_is_a_report_that_names_the_bad_entry(string what, string input, string path)
    {
        var report = await new CredentialVerifier().VerifyAsync(input, At());

        AssertRefused(report, what, path);
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task A_signed_presentation_of_garbage_is_a_report_that_names_the_bad_entry(string what, string input, string path)
    {
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var node = JsonNode.Parse(input)!.AsObject();
        node.Remove("proof");
        var signed = new DataIntegritySigner().Sign(
            System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()),
            holder,
            new DataIntegrityProofOptions { VerificationMethod = DidKey.VerificationMethodId(holder.PublicKey), ProofPurpose = "authentication", Cryptosuite = DataIntegrityCryptosuite.EddsaJcs2022 });
        Assert.True(signed.Succeeded, signed.ToString());

        var report = await new CredentialVerifier().VerifyAsync(signed.SignedDocument!, At());

        if (what != "a proof that is a string")
        {
            AssertRefused(report, what, path);
        }
        else
        {
            Assert.False(report.Has(VerificationCode.VerifierInternalError, CheckStatus.Failed), Codes(report));
        }
    }

    [Fact]
    public async Task Presentations_nested_past_the_limit_are_refused_without_recursing()
    {
        var json = "{" + Head + ",\"verifiableCredential\":[]}";
        for (var i = 0; i < 20; i++)
        {
            json = "{" + Head + ",\"verifiableCredential\":[" + json + "]}";
        }

        var report = await new CredentialVerifier().VerifyAsync(json, At());

        Assert.False(report.Verified, Codes(report));
        Assert.True(report.HasFailed(VerificationCode.EmbeddedInvalid), Codes(report));
        Assert.Empty(report.Embedded);
    }

    private static void AssertRefused(VerificationReport report, string what, string path)
    {
        Assert.False(report.Verified, what + Environment.NewLine + Codes(report));
        Assert.False(report.Has(VerificationCode.VerifierInternalError, CheckStatus.Failed), Codes(report));
        Assert.True(report.Credential!.IsPresentation, what);
        Assert.True(report.Errors.Any(e => e.Path is { } p && p.StartsWith(path, StringComparison.Ordinal)), $"{what}: no failed check at {path}{Environment.NewLine}{Codes(report)}");
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.False(json.RootElement.GetProperty("verified").GetBoolean());
    }
}
