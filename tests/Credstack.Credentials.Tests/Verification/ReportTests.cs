using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>The report's JSON form, the recipient step, endorsements and CLR embedded credentials.</summary>
public sealed class ReportTests
{
    [Fact]
    public async Task The_JSON_report_has_the_VC_API_shape_with_codes_statuses_and_the_summary()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var report = await new CredentialVerifier().VerifyAsync(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022, validUntil: "2026-03-01T00:00:00Z"), At());

        using var json = JsonDocument.Parse(report.ToUtf8Json());
        var root = json.RootElement;

        Assert.False(root.GetProperty("verified").GetBoolean());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(report.Checks.Count, checks.Count);
        Assert.All(checks, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("code").GetString()));
            Assert.Contains(c.GetProperty("status").GetString(), new[] { "passed", "failed", "warning", "skipped" });
            Assert.False(string.IsNullOrEmpty(c.GetProperty("message").GetString()));
        });
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(VerificationCode.ValidityExpired, error.GetProperty("code").GetString());
        Assert.Equal("$.validUntil", error.GetProperty("path").GetString());
        Assert.False(error.TryGetProperty("status", out _));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        var credential = root.GetProperty("credential");
        Assert.Equal("data-integrity", credential.GetProperty("format").GetString());
        Assert.Equal("none", credential.GetProperty("container").GetString());
        Assert.Equal("Example University", credential.GetProperty("issuerName").GetString());
        Assert.Equal("2026-03-01T00:00:00Z", credential.GetProperty("validUntil").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("embedded").ValueKind);
    }

    [Theory]
    [InlineData("learner@example.org", true)]
    [InlineData("mailto:learner@example.org", true)]
    [InlineData("did:example:learner", true)]
    [InlineData("someone@example.org", false)]
    [InlineData("did:example:someone", false)]
    public async Task The_recipient_step_matches_the_subject_id_or_a_salted_email_hash(string expected, bool matches)
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);

        var report = await new CredentialVerifier().VerifyAsync(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022), At(recipient: expected));

        Assert.Equal(matches, report.Verified);
        Assert.True(report.Has(VerificationCode.RecipientMismatch, matches ? CheckStatus.Passed : CheckStatus.Failed), Codes(report));
    }

    [Fact]
    public async Task An_embedded_endorsement_is_verified_and_reported_nested()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        using var endorser = SigningKey.Generate(KeyType.Ed25519);
        var credential = Unsigned(DidKey.CreateDid(issuer.PublicKey));
        credential["credentialSubject"]!["achievement"]!["endorsement"] = new JsonArray(JsonNode.Parse(Endorsement(endorser, "https://example.edu/achievements/data-analysis")));

        var report = await new CredentialVerifier().VerifyAsync(Sign(credential, issuer, DataIntegrityCryptosuite.EddsaRdfc2022), At());

        Assert.True(report.Verified, Codes(report));
        var nested = Assert.Single(report.Embedded);
        Assert.Equal("endorsement", nested.Relation);
        Assert.Equal("$.credentialSubject.achievement.endorsement[0]", nested.Path);
        Assert.True(nested.Report.Verified, Codes(nested.Report));
        Assert.True(report.Has(VerificationCode.EndorsementInvalid, CheckStatus.Passed));
    }

    [Fact]
    public async Task A_tampered_endorsement_is_a_warning_and_the_credential_still_verifies()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        using var endorser = SigningKey.Generate(KeyType.Ed25519);
        var endorsement = JsonNode.Parse(Endorsement(endorser, "https://example.edu/achievements/data-analysis"))!;
        endorsement["name"] = "Glowing endorsement";
        var credential = Unsigned(DidKey.CreateDid(issuer.PublicKey));
        credential["credentialSubject"]!["achievement"]!["endorsement"] = new JsonArray(endorsement);

        var report = await new CredentialVerifier().VerifyAsync(Sign(credential, issuer, DataIntegrityCryptosuite.EddsaRdfc2022), At());

        Assert.True(report.Verified, Codes(report));
        Assert.True(report.Has(VerificationCode.EndorsementInvalid, CheckStatus.Warning), Codes(report));
        Assert.True(Assert.Single(report.Embedded).Report.HasFailed(VerificationCode.ProofSignature));
    }

    [Fact]
    public async Task A_CLR_fails_when_one_embedded_credential_was_changed_and_says_which()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var good = JsonNode.Parse(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022))!;
        var changed = JsonNode.Parse(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022))!;
        changed["name"] = "Changed";

        var report = await new CredentialVerifier().VerifyAsync(Sign(Clr(key, good, changed), key, DataIntegrityCryptosuite.EddsaRdfc2022), At());
        var intact = await new CredentialVerifier().VerifyAsync(Sign(Clr(key, good.DeepClone(), good.DeepClone()), key, DataIntegrityCryptosuite.EddsaRdfc2022), At());

        Assert.True(intact.Verified, Codes(intact));
        Assert.False(report.Verified);
        var failed = Assert.Single(report.Errors);
        Assert.Equal(VerificationCode.EmbeddedInvalid, failed.Code);
        Assert.Equal("$.credentialSubject.verifiableCredential[1]", failed.Path);
        Assert.Equal(2, report.Embedded.Count);
    }

    private static string Endorsement(SigningKey endorser, string endorsedId)
    {
        var did = DidKey.CreateDid(endorser.PublicKey);
        var endorsement = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000e1",
            ["type"] = new JsonArray("VerifiableCredential", "EndorsementCredential"),
            ["name"] = "Endorsement of Data Analysis with Python",
            ["issuer"] = new JsonObject { ["id"] = did, ["type"] = new JsonArray("Profile"), ["name"] = "Data Science Guild" },
            ["validFrom"] = "2026-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = endorsedId, ["type"] = new JsonArray("EndorsementSubject"), ["endorsementComment"] = "Rigorous." },
        };
        return Encoding.UTF8.GetString(Sign(endorsement, endorser, DataIntegrityCryptosuite.EddsaRdfc2022));
    }

    private static JsonObject Clr(SigningKey key, JsonNode first, JsonNode second) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c1",
        ["type"] = new JsonArray("VerifiableCredential", "ClrCredential"),
        ["name"] = "Transcript",
        ["issuer"] = new JsonObject { ["id"] = DidKey.CreateDid(key.PublicKey), ["type"] = new JsonArray("Profile"), ["name"] = "Example University" },
        ["validFrom"] = "2026-01-10T09:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = "did:example:learner",
            ["type"] = new JsonArray("ClrSubject"),
            ["verifiableCredential"] = new JsonArray(first, second),
        },
    };
}
