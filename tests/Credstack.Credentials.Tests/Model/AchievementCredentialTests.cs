using System.Text;
using System.Text.Json;
using Credstack.Credentials.Model;
using Credstack.Credentials.Tests.Dids;
using Credstack.Credentials.Tests.Validation;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Tests.Model;

public sealed class AchievementCredentialTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static Profile Issuer() => new() { Id = "https://university.example/issuers/1", Name = "Université d'Exemple" };

    private static Achievement Achievement() => new()
    {
        Id = "https://university.example/achievements/data-101",
        Name = "Data Analysis Fundamentals",
        Description = "Collect, clean and analyse data.",
        Criteria = new Criteria { Narrative = "Pass the final exam." },
        AchievementType = AchievementType.Course,
        Alignment = [new Alignment { TargetName = "Analyse data", TargetUrl = "http://data.europa.eu/esco/skill/1", TargetType = "ext:EscoSkill" }],
    };

    private static AchievementCredential Created(TimeProvider? clock = null) => AchievementCredential.Create(
        Issuer(),
        AchievementSubject.ForId("did:example:learner", Achievement()),
        validFrom: new DateTimeOffset(2024, 6, 1, 14, 30, 15, 999, TimeSpan.FromHours(2)),
        extraContexts: ["https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"],
        timeProvider: clock ?? new ManualTimeProvider(Now));

    [Fact]
    public void A_created_credential_serializes_to_the_compacted_form_the_spec_shows()
    {
        var json = Created().ToUtf8Json();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal(
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"],
            root.GetProperty("@context").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("@context", root.EnumerateObject().First().Name);
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], root.GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("issuer").GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("credentialSubject").GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("credentialSubject").GetProperty("achievement").GetProperty("type").ValueKind);
        Assert.Equal("2024-06-01T12:30:15Z", root.GetProperty("validFrom").GetString());
        Assert.Equal("Data Analysis Fundamentals", root.GetProperty("name").GetString());
        Assert.DoesNotContain("null", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("proof", out _));
    }

    [Fact]
    public void A_created_credential_passes_strict_validation_without_warnings()
    {
        var result = CredentialValidator.Validate(Created().ToUtf8Json(), ValidationMode.Strict);

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void The_id_is_a_urn_uuid_version_7_stamped_with_the_given_clock()
    {
        var id = Created(new ManualTimeProvider(Now)).Id;

        Assert.StartsWith("urn:uuid:", id, StringComparison.Ordinal);
        var guid = Guid.Parse(id["urn:uuid:".Length..]);
        Assert.Equal(7, guid.Version);
        var milliseconds = Convert.ToInt64(guid.ToString("N")[..12], 16);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), milliseconds);
        Assert.NotEqual(id, Created(new ManualTimeProvider(Now)).Id);
    }

    [Fact]
    public void Non_ASCII_text_is_written_as_UTF8_not_escaped()
    {
        var text = Encoding.UTF8.GetString(Created().ToUtf8Json());

        Assert.Contains("\"Université d'Exemple\"", text, StringComparison.Ordinal);
    }

    [ConformanceTheory("openbadges", "spec-examples")]
    [MemberData(nameof(ConformanceCorpusTests.SpecExamples), MemberType = typeof(ConformanceCorpusTests))]
    public void Every_spec_example_round_trips_through_the_typed_model_without_loss(string file)
    {
        var original = File.ReadAllBytes(Conformance.PathOf("openbadges", "spec-examples", file));
        using var expected = JsonDocument.Parse(original);
        var isEndorsement = file.StartsWith("endorsement", StringComparison.Ordinal);

        var written = isEndorsement ? Written(EndorsementCredential.Parse(original)) : Written(AchievementCredential.Parse(original));

        using var actual = JsonDocument.Parse(written);
        Assert.Null(JsonSemantics.Difference(expected.RootElement, actual.RootElement));
    }

    [ConformanceTheory("openbadges", "validator-samples")]
    [InlineData("ob30/simple.json")]
    [InlineData("ob30/complete.json")]
    [InlineData("ob30/simple-multiple-proofs.json")]
    public void Signed_validator_samples_round_trip_with_their_proofs_unchanged(string file)
    {
        var original = File.ReadAllBytes(Conformance.PathOf("openbadges", "validator-samples", file));
        using var expected = JsonDocument.Parse(original);

        using var actual = JsonDocument.Parse(Written(AchievementCredential.Parse(original)));

        Assert.Null(JsonSemantics.Difference(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void Reading_tolerates_a_string_type_a_bare_issuer_URI_and_a_single_proof_object_and_writes_the_array_forms()
    {
        var root = CredentialFixtures.FullNode();
        root["credentialSubject"]!["type"] = "AchievementSubject";
        root["issuer"] = "https://university.example/issuers/1";
        root["proof"] = root["proof"]![0]!.DeepClone();

        var parsed = AchievementCredential.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(["AchievementSubject"], parsed.Value.CredentialSubject.Type);
        Assert.Equal("https://university.example/issuers/1", parsed.Value.Issuer.Id);
        Assert.Single(parsed.Value.Proof!);
        using var written = JsonDocument.Parse(parsed.Value.ToUtf8Json());
        Assert.Equal(JsonValueKind.Array, written.RootElement.GetProperty("credentialSubject").GetProperty("type").ValueKind);
        Assert.Equal("https://university.example/issuers/1", written.RootElement.GetProperty("issuer").GetString());
        Assert.Equal(JsonValueKind.Array, written.RootElement.GetProperty("proof").ValueKind);
    }

    [Fact]
    public void Unknown_properties_round_trip_at_every_level()
    {
        var root = CredentialFixtures.FullNode();
        root["extensionObject"] = new System.Text.Json.Nodes.JsonObject { ["a"] = 1, ["b"] = new System.Text.Json.Nodes.JsonArray("x") };
        root["credentialSubject"]!["achievement"]!["ext:level"] = "EQF 6";
        root["issuer"]!["accessibility"] = "wheelchair";
        var written = AchievementCredential.Parse(Encoding.UTF8.GetBytes(root.ToJsonString())).Value!.ToUtf8Json();
        using (var normalized = JsonDocument.Parse(written))
        {
            // Dates are rewritten as UTC DateTimeZ; everything else must come back as it was.
            Assert.Equal("2029-06-01T10:00:00Z", normalized.RootElement.GetProperty("validUntil").GetString());
            Assert.Equal("2024-02-01T09:00:00Z", normalized.RootElement.GetProperty("credentialSubject").GetProperty("activityStartDate").GetString());
        }

        root["validUntil"] = "2029-06-01T10:00:00Z";
        root["credentialSubject"]!["activityStartDate"] = "2024-02-01T09:00:00Z";

        var parsed = AchievementCredential.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()));

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("EQF 6", parsed.Value.CredentialSubject.Achievement.Extensions!["ext:level"].GetString());
        using var expected = JsonDocument.Parse(root.ToJsonString());
        using var actual = JsonDocument.Parse(parsed.Value.ToUtf8Json());
        Assert.Null(JsonSemantics.Difference(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void An_embedded_endorsement_is_written_back_byte_for_byte()
    {
        const string Endorsement = "{ \"@context\" : [\"https://www.w3.org/ns/credentials/v2\",\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],\n  \"id\":\"urn:uuid:1\", \"type\":[\"VerifiableCredential\",\"EndorsementCredential\"], \"name\":\"caf\\u00e9 \\/ ok\", \"amount\": 1.50 }";
        var achievement = Achievement() with { Endorsement = [EmbeddedCredential.FromUtf8(Encoding.UTF8.GetBytes(Endorsement))] };
        var credential = Created() with { CredentialSubject = AchievementSubject.ForId("did:example:learner", achievement) };

        var text = Encoding.UTF8.GetString(credential.ToUtf8Json());

        Assert.Contains(Endorsement, text, StringComparison.Ordinal);
        Assert.True(AchievementCredential.Parse(Encoding.UTF8.GetBytes(text)).Succeeded);
    }

    [Fact]
    public void An_achievement_and_a_profile_round_trip_on_their_own()
    {
        var achievement = Achievement();
        var issuer = Issuer() with { Address = new Address { AddressLocality = "Delft", Geo = new GeoCoordinates { Latitude = 52.0, Longitude = 4.36 } } };

        var readAchievement = Credstack.Credentials.Model.Achievement.Parse(achievement.ToUtf8Json());
        var readIssuer = Profile.Parse(issuer.ToUtf8Json());

        Assert.True(readAchievement.Succeeded, readAchievement.Error);
        Assert.Equal(achievement.ToUtf8Json(), readAchievement.Value.ToUtf8Json());
        Assert.True(readIssuer.Succeeded, readIssuer.Error);
        Assert.Equal(issuer.ToUtf8Json(), readIssuer.Value.ToUtf8Json());
        Assert.Equal(52.0, readIssuer.Value.Address!.Geo!.Latitude);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"id\": \"urn:uuid:1\"}")]
    public void Malformed_input_gives_a_failed_result_not_an_exception(string text)
    {
        var result = AchievementCredential.Parse(Encoding.UTF8.GetBytes(text));

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Theory]
    [InlineData("validFrom", "\"next week\"")]
    [InlineData("proof", "42")]
    [InlineData("type", "7")]
    [InlineData("credentialSubject", "\"did:example:1\"")]
    public void A_property_of_the_wrong_shape_gives_a_failed_result(string property, string json)
    {
        var root = CredentialFixtures.With(property, System.Text.Json.Nodes.JsonNode.Parse(json));

        var result = AchievementCredential.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()));

        Assert.False(result.Succeeded);
    }

    private static byte[] Written<T>(ParseResult<T> result)
        where T : class
    {
        Assert.True(result.Succeeded, result.Error);
        return result.Value switch
        {
            AchievementCredential credential => credential.ToUtf8Json(),
            EndorsementCredential endorsement => endorsement.ToUtf8Json(),
            _ => throw new InvalidOperationException("unexpected model type"),
        };
    }
}
