using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Model;
using Credstack.Credentials.Validation;
using Credstack.Server.Achievements;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Awards;

public sealed class AwardIssuanceTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    [ProviderTheory]
    public async Task Awarding_to_an_email_returns_a_signed_credential_that_verifies_and_hides_the_address(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();

        var body = await AwardsTestApp.IssueAsync(owner, orgId, new
        {
            achievementId = "data-analysis",
            recipient = new { email = " Learner@Example.org " },
            narrative = "Built a forecasting model.",
            evidence = new[] { new { id = "https://example.org/projects/42", name = "Final project" } },
            results = new[] { new { value = "A", status = "Completed" } },
        });
        var award = body.GetProperty("award");
        var awardId = award.GetProperty("id").GetString()!;
        Assert.Equal("active", award.GetProperty("status").GetString());
        Assert.Equal("learner@example.org", award.GetProperty("recipient").GetProperty("value").GetString());

        // The public URL in the credential's id serves the exact signed bytes.
        var credentialId = award.GetProperty("credentialId").GetString()!;
        Assert.Equal($"http://localhost/credentials/{awardId}", credentialId);
        var served = await awards.App.Client.GetAsync(new Uri(credentialId).PathAndQuery);
        await Expect.StatusAsync(HttpStatusCode.OK, served);
        Assert.Equal("application/vc+ld+json", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        await TestVerifier.AssertVerifiesAsync(bytes, awards.App.Clock);
        var validation = CredentialValidator.Validate(bytes, ValidationMode.Strict);
        Assert.True(validation.IsValid, validation.ToString());

        var credential = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal(credentialId, credential.GetProperty("id").GetString());
        Assert.Equal(awards.Signer.DidOf(orgId), credential.GetProperty("issuer").GetProperty("id").GetString());
        Assert.Equal("2026-01-15T09:00:00Z", credential.GetProperty("validFrom").GetString());
        Assert.False(credential.TryGetProperty("validUntil", out _));
        Assert.Equal("eddsa-rdfc-2022", credential.GetProperty("proof")[0].GetProperty("cryptosuite").GetString());
        Assert.DoesNotContain("learner@example.org", Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);

        var subject = credential.GetProperty("credentialSubject");
        var identity = JsonSerializer.Deserialize<IdentityObject>(subject.GetProperty("identifier")[0].GetRawText(), WebJson)!;
        Assert.True(identity.Hashed);
        Assert.True(identity.MatchesEmailAddress("learner@example.org"));
        Assert.Equal("Built a forecasting model.", subject.GetProperty("narrative").GetString());
        Assert.Equal("A", subject.GetProperty("result")[0].GetProperty("value").GetString());
        Assert.Equal("https://example.org/projects/42", credential.GetProperty("evidence")[0].GetProperty("id").GetString());

        var status = credential.GetProperty("credentialStatus");
        Assert.Equal("BitstringStatusListEntry", status.GetProperty("type").GetString());
        Assert.Equal("revocation", status.GetProperty("statusPurpose").GetString());
        Assert.Equal(award.GetProperty("statusListIndex").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), status.GetProperty("statusListIndex").GetString());
        Assert.Equal(award.GetProperty("statusListCredential").GetString(), status.GetProperty("statusListCredential").GetString());

        var fetched = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards/{awardId}"));
        Assert.Equal(credentialId, fetched.GetProperty("credentialId").GetString());
    }

    [ProviderTheory]
    public async Task Awarding_to_a_DID_names_it_as_the_subject_and_two_salts_never_repeat(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

        var byDid = await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", recipient = new { did }, cryptosuite = "eddsa-jcs-2022" });
        var subject = byDid.GetProperty("credential").GetProperty("credentialSubject");
        Assert.Equal(did, subject.GetProperty("id").GetString());
        Assert.False(subject.TryGetProperty("identifier", out _));
        Assert.Equal("eddsa-jcs-2022", byDid.GetProperty("credential").GetProperty("proof")[0].GetProperty("cryptosuite").GetString());

        var first = await AwardsTestApp.IssueAsync(owner, orgId);
        var second = await AwardsTestApp.IssueAsync(owner, orgId);
        string Salt(JsonElement e) => e.GetProperty("credential").GetProperty("credentialSubject").GetProperty("identifier")[0].GetProperty("salt").GetString()!;
        Assert.NotEqual(Salt(first), Salt(second));
    }

    [ProviderTheory]
    public async Task ValidUntil_follows_the_achievement_expiry_policy_and_a_named_version_is_embedded(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync(expiry: new ExpiryPolicy(ExpiryPolicy.AfterIssuance, Duration: "P2Y"));
        awards.Achievements.Add(orgId, "data-analysis", name: "Data Analysis v2", expiry: new ExpiryPolicy(ExpiryPolicy.AfterIssuance, Duration: "P2Y"));

        var latest = await AwardsTestApp.IssueAsync(owner, orgId);
        Assert.Equal("2028-01-15T09:00:00Z", latest.GetProperty("credential").GetProperty("validUntil").GetString());
        Assert.Equal(2, latest.GetProperty("award").GetProperty("achievementVersion").GetInt32());
        Assert.Equal("Data Analysis v2", latest.GetProperty("credential").GetProperty("credentialSubject").GetProperty("achievement").GetProperty("name").GetString());

        var first = await AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", achievementVersion = 1, recipient = new { email = "a@example.org" } });
        Assert.Equal(1, first.GetProperty("award").GetProperty("achievementVersion").GetInt32());
        Assert.EndsWith("/v1", first.GetProperty("credential").GetProperty("credentialSubject").GetProperty("achievement").GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Bad_award_requests_get_field_problems_and_issue_nothing(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var url = $"/api/v1/orgs/{orgId}/awards";

        async Task<JsonElement> InvalidAsync(object request)
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.PostAsJsonAsync(url, request));
            return problem.GetProperty("errors");
        }

        Assert.True((await InvalidAsync(new { recipient = new { email = "a@example.org" } })).TryGetProperty("achievementId", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis" })).TryGetProperty("recipient", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis", recipient = new { email = "a@example.org", did = "did:key:z6Mk" } })).TryGetProperty("recipient", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis", recipient = new { email = "not an address" } })).TryGetProperty("recipient.email", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis", recipient = new { did = "https://example.org/me" } })).TryGetProperty("recipient.did", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis", recipient = new { did = "did:key:z6Mk" }, cryptosuite = "rsa-2048" })).TryGetProperty("cryptosuite", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis", recipient = new { did = "did:key:z6Mk" }, evidence = new[] { new { id = "not a url" } } })).TryGetProperty("evidence[0].id", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis", recipient = new { did = "did:key:z6Mk" }, results = new[] { new { status = "Great" } } })).TryGetProperty("results[0].status", out _));
        Assert.True((await InvalidAsync(new { achievementId = "data-analysis", recipient = new { did = "did:key:z6Mk" }, narrative = new string('n', 10_001) })).TryGetProperty("narrative", out _));

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request",
            await owner.PostAsync(url, new StringContent("{\"achievementId\": ", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request",
            await owner.PostAsync(url, new StringContent("{\"achievementVersion\": \"two\"}", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type",
            await owner.PostAsync(url, new StringContent("achievementId=x", Encoding.UTF8, "application/x-www-form-urlencoded")));
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large",
            await owner.PostAsync(url, new StringContent("{\"narrative\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json")));

        var list = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync(url));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [ProviderTheory]
    public async Task Unknown_and_archived_achievements_and_an_issuer_without_a_key_are_problems_not_crashes(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var url = $"/api/v1/orgs/{orgId}/awards";
        var recipient = new { email = "a@example.org" };

        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await owner.PostAsJsonAsync(url, new { achievementId = "no-such-thing", recipient }));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await owner.PostAsJsonAsync(url, new { achievementId = "data-analysis", achievementVersion = 7, recipient }));

        awards.Achievements.Add(orgId, "retired", archived: true);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/achievement-archived",
            await owner.PostAsJsonAsync(url, new { achievementId = "retired", recipient }));

        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/issuer-not-ready",
            await owner.PostAsJsonAsync(url, new { achievementId = "data-analysis", recipient, cryptosuite = "ecdsa-rdfc-2019" }));

        awards.Signer.WithoutKey[orgId] = true;
        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/issuer-not-ready",
            await owner.PostAsJsonAsync(url, new { achievementId = "data-analysis", recipient }));

        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await owner.GetAsync($"{url}/0000"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await awards.App.Client.GetAsync("/credentials/0000"));
    }
}
