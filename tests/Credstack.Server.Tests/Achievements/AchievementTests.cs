using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Validation;
using Credstack.Server.Keys;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Keys;

namespace Credstack.Server.Tests.Achievements;

public sealed class AchievementTests
{
    internal static object FullDefinition(string name = "Data Analysis with Python", string? imageId = null) => new
    {
        name,
        description = "Cleans, analyses and visualises tabular data with pandas.",
        criteria = new { narrative = "1. Complete the **six** labs.\n2. Pass the final project review.", url = "https://northbridge.example/criteria/data-analysis" },
        achievementType = "MicroCredential",
        alignments = new object[]
        {
            new { targetName = "analyse data", targetUrl = "http://data.europa.eu/esco/skill/ed2a3a3b-4e18-4a57-9a85-5bf5d2b0b1c9", targetFramework = "ESCO", targetCode = "S2.7.1", targetType = "ceasn:Competency", targetDescription = "Collect and analyse numerical data." },
            new { targetName = "Python (computer programming)", targetUrl = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d", targetFramework = "ESCO", targetType = "ext:EscoSkill" },
        },
        creditsAvailable = 5.0,
        fieldOfStudy = "Data Science",
        specialization = "Applied analytics",
        humanCode = "DS-101",
        level = "EQF 5",
        resultDescriptions = new object[] { new { name = "Final grade", resultType = "LetterGrade", allowedValues = new[] { "C", "B", "A" }, requiredValue = "C" } },
        tags = new[] { "data", "python" },
        inLanguage = "en-GB",
        imageId,
        imageCaption = imageId is null ? null : "A bar chart badge",
        expiry = new { kind = "duration", duration = "P2Y" },
    };

    private static async Task<string> CreateAsync(HttpClient client, string orgId, object? definition = null)
    {
        var created = await Expect.JsonAsync(HttpStatusCode.Created, await client.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", definition ?? FullDefinition()));
        return created.GetProperty("id").GetString()!;
    }

    [ProviderTheory]
    public async Task A_created_achievement_keeps_every_field_and_its_OB_achievement_passes_validation_and_signs(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, owner) = await app.CreateOrganizationAsync("Northbridge University");
        var image = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsync($"/api/v1/orgs/{orgId}/images", Images.Png()));
        var imageId = image.GetProperty("id").GetString()!;

        var response = await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", FullDefinition(imageId: imageId));
        var created = await Expect.JsonAsync(HttpStatusCode.Created, response);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/orgs/{orgId}/achievements/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        var definition = created.GetProperty("definition");
        Assert.Equal("EQF 5", definition.GetProperty("level").GetString());
        Assert.Equal("P2Y", definition.GetProperty("expiry").GetProperty("duration").GetString());

        var achievement = created.GetProperty("achievement");
        Assert.Equal($"https://issuers.credstack.test/issuers/{orgId}/achievements/{id}/versions/1", achievement.GetProperty("id").GetString());
        Assert.Equal("MicroCredential", achievement.GetProperty("achievementType").GetString());
        Assert.Equal("ceasn:Competency", achievement.GetProperty("alignment")[0].GetProperty("targetType").GetString());
        Assert.Equal("ESCO", achievement.GetProperty("alignment")[1].GetProperty("targetFramework").GetString());
        Assert.Equal(5.0, achievement.GetProperty("creditsAvailable").GetDouble());
        Assert.Equal("https://northbridge.example/criteria/data-analysis", achievement.GetProperty("criteria").GetProperty("id").GetString());
        Assert.Equal("LetterGrade", achievement.GetProperty("resultDescription")[0].GetProperty("resultType").GetString());
        Assert.Equal(["data", "python"], achievement.GetProperty("tag").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("en-GB", achievement.GetProperty("inLanguage").GetString());
        Assert.Equal(image.GetProperty("url").GetString(), achievement.GetProperty("image").GetProperty("id").GetString());
        Assert.False(achievement.TryGetProperty("level", out _));

        var issuer = JsonNode.Parse(await app.Client.GetStringAsync($"/issuers/{orgId}"))!.AsObject();
        issuer.Remove("@context");
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:0d9f5a30-8b8b-4b3e-9c61-111111111111",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = issuer,
            ["validFrom"] = "2026-01-15T09:00:00Z",
            ["name"] = "Data Analysis with Python",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:learner",
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = JsonNode.Parse(achievement.GetRawText()),
            },
        };
        var bytes = Encoding.UTF8.GetBytes(credential.ToJsonString());
        var validation = CredentialValidator.Validate(bytes);
        Assert.True(validation.IsValid, validation.ToString());

        // Safe-mode RDFC signing refuses any term the OB 3.0 context does not define.
        var signed = await app.Service<IssuerSigner>().SignAsync(orgId, bytes, IssuerSigningSuite.EddsaRdfc2022, CancellationToken.None);
        Assert.True(signed.Succeeded, signed.Detail);
        var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver(new DidWebResolver(new TestServerDidFetcher(app.Client)))));
        Assert.True((await verifier.VerifyAsync(signed.Credential)).Succeeded);
    }

    [ProviderTheory]
    public async Task Editing_adds_a_version_and_earlier_versions_stay_as_they_were(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, TestCredentials.Settings);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var id = await CreateAsync(owner, orgId);

        var edit = await owner.PutAsJsonAsync($"/api/v1/orgs/{orgId}/achievements/{id}", FullDefinition("Data Analysis with Python and SQL"));
        var edited = await Expect.JsonAsync(HttpStatusCode.OK, edit);
        Assert.Equal(2, edited.GetProperty("version").GetInt64());
        Assert.Equal("\"2\"", edit.Headers.ETag?.Tag);

        var latest = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements/{id}"));
        Assert.Equal("Data Analysis with Python and SQL", latest.GetProperty("definition").GetProperty("name").GetString());
        var first = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements/{id}/versions/1"));
        Assert.Equal("Data Analysis with Python", first.GetProperty("achievement").GetProperty("name").GetString());
        Assert.Equal(2, first.GetProperty("latestVersion").GetInt64());
        var versions = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements/{id}/versions"));
        Assert.Equal([1L, 2L], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt64()).ToArray());

        var published = await app.Client.GetAsync($"/issuers/{orgId}/achievements/{id}/versions/1");
        var document = await Expect.JsonAsync(HttpStatusCode.OK, published);
        Assert.Equal("application/ld+json", published.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", document.GetProperty("@context")[1].GetString());
        Assert.Equal($"https://issuers.credstack.test/issuers/{orgId}/achievements/{id}/versions/1", document.GetProperty("id").GetString());
        Assert.Equal("Data Analysis with Python", document.GetProperty("name").GetString());
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync($"/issuers/{orgId}/achievements/{id}/versions/3"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements/{id}/versions/9"));
    }

    [ProviderTheory]
    public async Task An_edit_based_on_an_old_version_is_refused_with_412(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var id = await CreateAsync(owner, orgId);
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PutAsJsonAsync($"/api/v1/orgs/{orgId}/achievements/{id}", FullDefinition("Second")));

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orgs/{orgId}/achievements/{id}") { Content = JsonContent.Create(FullDefinition("Third")) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Expect.ProblemAsync(HttpStatusCode.PreconditionFailed, "https://credstack.dev/problems/conflict", await owner.SendAsync(stale));

        var current = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/orgs/{orgId}/achievements/{id}") { Content = JsonContent.Create(FullDefinition("Third")) };
        current.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        Assert.Equal(3, (await Expect.JsonAsync(HttpStatusCode.OK, await owner.SendAsync(current))).GetProperty("version").GetInt64());
    }

    [ProviderTheory]
    public async Task Archiving_hides_an_achievement_from_the_list_until_it_is_unarchived(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var kept = await CreateAsync(owner, orgId, FullDefinition("Kept"));
        var archived = await CreateAsync(owner, orgId, FullDefinition("Archived"));

        var result = await Expect.JsonAsync(HttpStatusCode.OK, await owner.PostAsync($"/api/v1/orgs/{orgId}/achievements/{archived}/archive", null));
        Assert.True(result.GetProperty("archived").GetBoolean());
        var list = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements"));
        Assert.Equal([kept], list.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToArray());
        var all = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements?includeArchived=true"));
        Assert.Equal(2, all.GetArrayLength());
        Assert.True((await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements/{archived}"))).GetProperty("archived").GetBoolean());

        var editedWhileArchived = await Expect.JsonAsync(HttpStatusCode.OK, await owner.PutAsJsonAsync($"/api/v1/orgs/{orgId}/achievements/{archived}", FullDefinition("Archived")));
        Assert.True(editedWhileArchived.GetProperty("archived").GetBoolean());
        Assert.Equal(2, editedWhileArchived.GetProperty("version").GetInt64());

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsync($"/api/v1/orgs/{orgId}/achievements/{archived}/unarchive", null));
        list = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements"));
        Assert.Equal(["Archived", "Kept"], list.EnumerateArray().Select(a => a.GetProperty("definition").GetProperty("name").GetString()!).ToArray());
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await owner.PostAsync($"/api/v1/orgs/{orgId}/achievements/nope/archive", null));
    }

    [ProviderTheory]
    public async Task Validation_names_every_invalid_field_by_its_path(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var response = await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", new
        {
            name = " ",
            achievementType = "Trophy",
            alignments = new object[] { new { targetName = "x", targetUrl = "not a url", targetType = "Skill" }, new { targetUrl = "https://example.org" } },
            creditsAvailable = -1,
            resultDescriptions = new object[] { new { name = "Grade", resultType = "Stars" } },
            inLanguage = "english!",
            imageId = "no-such-image",
            expiry = new { kind = "duration", duration = "two years" },
        });
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", response);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["achievementType", "alignments[0].targetType", "alignments[0].targetUrl", "alignments[1].targetName", "creditsAvailable", "criteria", "description", "expiry.duration", "imageId", "inLanguage", "name", "resultDescriptions[0].resultType"],
            fields);

        var fixedWithoutDate = await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", new { name = "A", description = "B", criteria = new { narrative = "C" }, expiry = new { kind = "fixed" } });
        var second = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", fixedWithoutDate);
        Assert.True(second.GetProperty("errors").TryGetProperty("expiry.date", out _));
        var unknownKind = await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", new { name = "A", description = "B", criteria = new { narrative = "C" }, expiry = new { kind = "sometimes" } });
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", unknownKind)).GetProperty("errors").TryGetProperty("expiry.kind", out _));
    }

    [ProviderTheory]
    public async Task Malformed_mistyped_oversized_or_unknown_input_is_a_4xx_problem_never_a_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var path = $"/api/v1/orgs/{orgId}/achievements";
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", await owner.PostAsync(path, new StringContent("{\"name\": \"A\",", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", await owner.PostAsync(path, new StringContent("{\"name\": 5}", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", await owner.PostAsync(path, new StringContent("{\"alignments\": {}}", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", await owner.PostAsync(path, new StringContent("{\"expiry\": {\"kind\": \"fixed\", \"date\": \"tomorrow\"}}", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", await owner.PostAsync(path, new StringContent("name=A", Encoding.UTF8, "application/x-www-form-urlencoded")));
        var huge = "{\"name\": \"A\", \"description\": \"" + new string('x', 1_100_000) + "\"}";
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", await owner.PostAsync(path, new StringContent(huge, Encoding.UTF8, "application/json")));
        var id = await CreateAsync(owner, orgId);
        foreach (var version in new[] { "abc", "0", "-1", "99999999999999999999" })
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await owner.GetAsync($"{path}/{id}/versions/{version}"));
            await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync($"/issuers/{orgId}/achievements/{id}/versions/{version}"));
        }

        var badIfMatch = new HttpRequestMessage(HttpMethod.Put, $"{path}/{id}") { Content = JsonContent.Create(FullDefinition()) };
        badIfMatch.Headers.TryAddWithoutValidation("If-Match", "\"latest\"");
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.SendAsync(badIfMatch));
    }

    [ProviderTheory]
    public async Task Viewers_read_staff_write_and_other_organizations_see_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var (otherOrg, otherOwner) = await app.CreateOrganizationAsync("Other College");
        var issuer = await app.MemberAsync(orgId, owner, "issuer");
        var viewer = await app.MemberAsync(orgId, owner, "viewer");
        var writer = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "achievements:write"));
        var reader = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "read"));
        var path = $"/api/v1/orgs/{orgId}/achievements";

        var id = await CreateAsync(issuer, orgId);
        await CreateAsync(writer, orgId);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await viewer.PostAsJsonAsync(path, FullDefinition()));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await reader.PostAsJsonAsync(path, FullDefinition()));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await viewer.PutAsJsonAsync($"{path}/{id}", FullDefinition()));
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await viewer.PostAsync($"{path}/{id}/archive", null));
        await Expect.StatusAsync(HttpStatusCode.OK, await viewer.GetAsync($"{path}/{id}"));
        await Expect.StatusAsync(HttpStatusCode.OK, await reader.GetAsync(path));
        await Expect.StatusAsync(HttpStatusCode.OK, await issuer.PutAsJsonAsync($"{path}/{id}", FullDefinition("Renamed")));

        // Another organization's owner: 404 on this organization, and this achievement does not exist in theirs.
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await otherOwner.GetAsync($"{path}/{id}"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await otherOwner.PostAsJsonAsync(path, FullDefinition()));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await otherOwner.GetAsync($"/api/v1/orgs/{otherOrg}/achievements/{id}"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await otherOwner.PutAsJsonAsync($"/api/v1/orgs/{otherOrg}/achievements/{id}", FullDefinition()));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await otherOwner.GetAsync($"/api/v1/orgs/{otherOrg}/achievements/{id}/versions"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync($"/issuers/{otherOrg}/achievements/{id}/versions/1"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await owner.GetAsync($"{path}/unknown-id"));
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await app.Client.GetAsync(path));
    }

    [Theory]
    [InlineData("P2Y", "2024-02-29T12:00:00Z", "2026-02-28T12:00:00Z")]
    [InlineData("P6M", "2026-01-31T00:00:00Z", "2026-07-31T00:00:00Z")]
    [InlineData("P90D", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z")]
    [InlineData("P2W", "2026-01-01T00:00:00Z", "2026-01-15T00:00:00Z")]
    [InlineData("P1Y6M", "2026-01-01T00:00:00Z", "2027-07-01T00:00:00Z")]
    [InlineData("PT36H", "2026-01-01T00:00:00Z", "2026-01-02T12:00:00Z")]
    public void A_duration_expiry_adds_calendar_units_to_the_issuance_date(string duration, string issued, string expected)
    {
        var policy = new Credstack.Server.Achievements.ExpiryPolicy("duration", Duration: duration);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), policy.ValidUntil(DateTimeOffset.Parse(issued, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P0D")]
    [InlineData("P1.5Y")]
    [InlineData("-P1Y")]
    [InlineData("P1Y2W")]
    [InlineData("1Y")]
    [InlineData("P99999999999Y")]
    [InlineData("")]
    public void Durations_that_are_empty_fractional_negative_or_mixed_with_weeks_are_refused(string duration) =>
        Assert.False(Credstack.Server.Achievements.IsoDuration.TryParse(duration, out _));

    [Fact]
    public void No_expiry_and_a_fixed_date_give_what_they_say()
    {
        var date = new DateTimeOffset(2030, 6, 30, 0, 0, 0, TimeSpan.Zero);
        Assert.Null(new Credstack.Server.Achievements.ExpiryPolicy("none").ValidUntil(DateTimeOffset.UnixEpoch));
        Assert.Equal(date, new Credstack.Server.Achievements.ExpiryPolicy("fixed", date).ValidUntil(DateTimeOffset.UnixEpoch));
    }
}
