using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Verification;

namespace Credstack.Server.Tests.VcApi;

/// <summary>VC-API <c>POST /presentations/verify</c>: 200 with the report when the presentation and its credentials verify, 400 otherwise.</summary>
public sealed class PresentationVerifyTests
{
    private const string NotVerified = "https://credstack.dev/problems/credential-not-verified";
    private const string Invalid = "https://credstack.dev/problems/validation";

    [Fact]
    public async Task A_presentation_signed_by_its_holder_verifies_with_its_challenge_and_domain_and_each_credential_is_reported()
    {
        await using var app = await VcApiTests.StartAsync(DatabaseProvider.Sqlite);
        using var holder = Ed25519SigningKey.Generate();
        var presentation = Signed(holder, "nonce-1", "verifier.example");

        var report = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsJsonAsync("/presentations/verify",
            new { verifiablePresentation = presentation, options = new { challenge = "nonce-1", domain = "verifier.example" } }));

        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Equal(DidKey.CreateDid(holder.PublicKey), report.GetProperty("credential").GetProperty("holderId").GetString());
        var embedded = Assert.Single(report.GetProperty("embedded").EnumerateArray());
        Assert.True(embedded.GetProperty("report").GetProperty("verified").GetBoolean());
    }

    [Theory]
    [InlineData("nonce-2", "verifier.example")]
    [InlineData("nonce-1", "attacker.example")]
    public async Task A_wrong_challenge_or_domain_answers_400_with_the_report(string challenge, string domain)
    {
        await using var app = await VcApiTests.StartAsync(DatabaseProvider.Sqlite);
        using var holder = Ed25519SigningKey.Generate();
        var presentation = Signed(holder, "nonce-1", "verifier.example");

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, NotVerified, await app.Client.PostAsJsonAsync("/presentations/verify",
            new { verifiablePresentation = presentation, options = new { challenge, domain } }));

        Assert.False(problem.GetProperty("verified").GetBoolean());
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() is "proof.challenge" or "proof.domain");
    }

    [Fact]
    public async Task An_unsigned_presentation_is_refused_unless_the_options_allow_it()
    {
        await using var app = await VcApiTests.StartAsync(DatabaseProvider.Sqlite);
        var unsigned = Presentation(holder: null);

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, NotVerified, await app.Client.PostAsJsonAsync("/presentations/verify", new { verifiablePresentation = unsigned }));
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsJsonAsync("/presentations/verify",
            new { verifiablePresentation = unsigned, options = new { unsignedPresentation = true } }));

        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "proof.present");
    }

    [Fact]
    public async Task Requests_that_are_not_a_presentation_answer_400()
    {
        await using var app = await VcApiTests.StartAsync(DatabaseProvider.Sqlite);
        var credential = JsonDocument.Parse(TestCredentials.Signed()).RootElement;

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Invalid, await app.Client.PostAsJsonAsync("/presentations/verify", new { }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Invalid, await app.Client.PostAsJsonAsync("/presentations/verify", new { verifiablePresentation = "eyJ.eyJ.c2ln" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Invalid, await app.Client.PostAsJsonAsync("/presentations/verify", new { verifiablePresentation = new { }, options = 7 }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Invalid, await app.Client.PostAsJsonAsync("/presentations/verify", new { verifiablePresentation = credential }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, NotVerified, await app.Client.PostAsJsonAsync("/presentations/verify",
            new { verifiablePresentation = JsonNode.Parse("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":5,"verifiableCredential":[42,"x",{}]}""") }));
    }

    private static JsonObject Presentation(string? holder)
    {
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(JsonNode.Parse(TestCredentials.Signed())),
        };
        if (holder is not null)
        {
            presentation["holder"] = holder;
        }

        return presentation;
    }

    private static JsonNode Signed(SigningKey holder, string challenge, string domain)
    {
        var signed = new DataIntegritySigner().Sign(
            Encoding.UTF8.GetBytes(Presentation(DidKey.CreateDid(holder.PublicKey)).ToJsonString()),
            holder,
            new DataIntegrityProofOptions
            {
                VerificationMethod = DidKey.VerificationMethodId(holder.PublicKey),
                ProofPurpose = "authentication",
                Challenge = challenge,
                Domain = domain,
                Created = new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero),
            });
        Assert.True(signed.Succeeded, signed.ToString());
        return JsonNode.Parse(signed.SignedDocument!)!;
    }
}
