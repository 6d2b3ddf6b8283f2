using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Tests.Validation;

public sealed class CredentialValidatorTests
{
    [Fact]
    public void The_fixture_with_every_class_is_valid_in_strict_mode_without_warnings()
    {
        var result = CredentialValidator.Validate(Encoding.UTF8.GetBytes(CredentialFixtures.Full), ValidationMode.Strict);

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
    }

    // Every property the 1EdTech schemas list under "required", for each class the fixture contains.
    [Theory]
    [InlineData("@context")]
    [InlineData("id")]
    [InlineData("type")]
    [InlineData("issuer")]
    [InlineData("validFrom")]
    [InlineData("credentialSubject")]
    [InlineData("credentialSubject.type")]
    [InlineData("credentialSubject.achievement")]
    [InlineData("credentialSubject.achievement.id")]
    [InlineData("credentialSubject.achievement.type")]
    [InlineData("credentialSubject.achievement.criteria")]
    [InlineData("credentialSubject.achievement.description")]
    [InlineData("credentialSubject.achievement.name")]
    [InlineData("credentialSubject.achievement.image.id")]
    [InlineData("credentialSubject.achievement.image.type")]
    [InlineData("credentialSubject.achievement.alignment[0].type")]
    [InlineData("credentialSubject.achievement.alignment[0].targetName")]
    [InlineData("credentialSubject.achievement.alignment[0].targetUrl")]
    [InlineData("credentialSubject.achievement.otherIdentifier[0].type")]
    [InlineData("credentialSubject.achievement.otherIdentifier[0].identifier")]
    [InlineData("credentialSubject.achievement.otherIdentifier[0].identifierType")]
    [InlineData("credentialSubject.achievement.related[0].id")]
    [InlineData("credentialSubject.achievement.related[0].type")]
    [InlineData("credentialSubject.achievement.resultDescription[0].id")]
    [InlineData("credentialSubject.achievement.resultDescription[0].type")]
    [InlineData("credentialSubject.achievement.resultDescription[0].name")]
    [InlineData("credentialSubject.achievement.resultDescription[0].resultType")]
    [InlineData("credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].id")]
    [InlineData("credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].type")]
    [InlineData("credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].name")]
    [InlineData("credentialSubject.identifier[0].type")]
    [InlineData("credentialSubject.identifier[0].hashed")]
    [InlineData("credentialSubject.identifier[0].identityHash")]
    [InlineData("credentialSubject.identifier[0].identityType")]
    [InlineData("credentialSubject.result[0].type")]
    [InlineData("credentialSubject.source.id")]
    [InlineData("credentialSubject.source.type")]
    [InlineData("issuer.id")]
    [InlineData("issuer.type")]
    [InlineData("issuer.image.id")]
    [InlineData("issuer.address.type")]
    [InlineData("issuer.address.geo.type")]
    [InlineData("issuer.address.geo.latitude")]
    [InlineData("issuer.address.geo.longitude")]
    [InlineData("issuer.otherIdentifier[0].identifier")]
    [InlineData("issuer.parentOrg.id")]
    [InlineData("issuer.parentOrg.type")]
    [InlineData("image.id")]
    [InlineData("image.type")]
    [InlineData("endorsement[0].@context")]
    [InlineData("endorsement[0].id")]
    [InlineData("endorsement[0].type")]
    [InlineData("endorsement[0].name")]
    [InlineData("endorsement[0].issuer")]
    [InlineData("endorsement[0].validFrom")]
    [InlineData("endorsement[0].credentialSubject")]
    [InlineData("endorsement[0].credentialSubject.id")]
    [InlineData("endorsement[0].credentialSubject.type")]
    [InlineData("evidence[0].type")]
    [InlineData("credentialSchema[0].id")]
    [InlineData("credentialSchema[0].type")]
    [InlineData("credentialStatus.type")]
    [InlineData("refreshService.id")]
    [InlineData("refreshService.type")]
    [InlineData("termsOfUse[0].type")]
    [InlineData("proof[0].type")]
    public void Removing_a_required_property_is_an_error_at_its_path(string path)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.Without(path));

        foreach (var mode in new[] { ValidationMode.Lenient, ValidationMode.Strict })
        {
            var result = CredentialValidator.Validate(credential, mode);

            Assert.False(result.IsValid);
            var problem = Assert.Single(result.Errors, p => p.Path == CredentialFixtures.JsonPath(path));
            Assert.Equal(ValidationCode.MissingProperty, problem.Code);
            Assert.Contains("'" + path.Split('.')[^1] + "'", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_credential_status_without_id_is_a_warning_when_lenient_and_an_error_when_strict()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.Without("credentialStatus.id"));

        var lenient = CredentialValidator.Validate(credential, ValidationMode.Lenient);
        var strict = CredentialValidator.Validate(credential, ValidationMode.Strict);

        Assert.True(lenient.IsValid);
        Assert.Equal("$.credentialStatus.id", Assert.Single(lenient.Warnings).Path);
        Assert.False(strict.IsValid);
    }

    [Fact]
    public void Swapped_contexts_are_reported_as_a_wrong_order_at_both_positions()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("@context", new JsonArray(
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://www.w3.org/ns/credentials/v2")));

        var result = CredentialValidator.Validate(credential);

        Assert.False(result.IsValid);
        Assert.Equal(["$['@context'][0]", "$['@context'][1]"], result.Errors.Select(p => p.Path));
        Assert.All(result.Errors, p => Assert.Equal(ValidationCode.ContextOrder, p.Code));
    }

    [Theory]
    [InlineData("https://purl.imsglobal.org/spec/ob/v3p0/context.json", true)]
    [InlineData("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", true)]
    [InlineData("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", false)]
    public void Any_OB_3_context_version_is_accepted_and_older_ones_are_noted(string obContext, bool older)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("@context", new JsonArray("https://www.w3.org/ns/credentials/v2", obContext)));

        var result = CredentialValidator.Validate(credential, ValidationMode.Strict);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(older, result.Warnings.Any(p => p.Code == ValidationCode.OlderContextVersion));
    }

    [Theory]
    [InlineData("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.json")]
    [InlineData("https://purl.imsglobal.org/spec/ob/v2p0/context.json")]
    [InlineData("http://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")]
    [InlineData("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json")]
    public void An_unknown_second_context_is_rejected(string obContext)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("@context", new JsonArray("https://www.w3.org/ns/credentials/v2", obContext)));

        var problem = Assert.Single(CredentialValidator.Validate(credential).Errors);

        Assert.Equal((ValidationCode.ContextOrder, "$['@context'][1]"), (problem.Code, problem.Path));
    }

    [Fact]
    public void A_context_with_only_the_VC_context_is_too_short()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("@context", new JsonArray("https://www.w3.org/ns/credentials/v2")));

        var problem = Assert.Single(CredentialValidator.Validate(credential).Errors);

        Assert.Equal((ValidationCode.InvalidContext, "$['@context']"), (problem.Code, problem.Path));
    }

    [Fact]
    public void A_VC_1_1_credential_is_a_warning_when_lenient_and_an_error_when_strict()
    {
        var root = CredentialFixtures.FullNode();
        root["@context"]![0] = "https://www.w3.org/2018/credentials/v1";
        root["issuanceDate"] = root["validFrom"]!.DeepClone();
        root.Remove("validFrom");
        var credential = CredentialFixtures.ToElement(root);

        var lenient = CredentialValidator.Validate(credential, ValidationMode.Lenient);
        var strict = CredentialValidator.Validate(credential, ValidationMode.Strict);

        Assert.True(lenient.IsValid, lenient.ToString());
        Assert.Equal([ValidationCode.LegacyContext, ValidationCode.LegacyDateProperty], lenient.Warnings.Select(p => p.Code));
        Assert.Equal([ValidationCode.LegacyContext, ValidationCode.MissingProperty], strict.Errors.Select(p => p.Code));
    }

    [Theory]
    [InlineData("validFrom", "2024-06-01T12:00:00")]
    [InlineData("validFrom", "2024-06-01")]
    [InlineData("validFrom", "2024-13-01T12:00:00Z")]
    [InlineData("validFrom", "2024-02-30T12:00:00Z")]
    [InlineData("validFrom", "2024-06-01 12:00:00Z")]
    [InlineData("validFrom", "2024-06-01T12:00:00+0200")]
    [InlineData("validUntil", "tomorrow")]
    [InlineData("awardedDate", "2024-06-01T25:00:00Z")]
    [InlineData("endorsement[0].validFrom", "2024-01-01T00:00:00")]
    [InlineData("credentialSubject.activityStartDate", "2024-02-01")]
    [InlineData("proof[0].created", "yesterday")]
    public void A_malformed_or_zoneless_DateTimeZ_is_rejected(string path, string value)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With(path, value));

        var problem = Assert.Single(CredentialValidator.Validate(credential).Errors);

        Assert.Equal((ValidationCode.InvalidDateTime, CredentialFixtures.JsonPath(path)), (problem.Code, problem.Path));
        Assert.Contains(value, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-06-01T12:00:00.123Z")]
    [InlineData("2024-06-01T12:00:00-05:00")]
    public void DateTimeZ_accepts_fractions_and_offsets(string value)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("validFrom", value));

        Assert.Empty(CredentialValidator.Validate(credential, ValidationMode.Strict).Problems);
    }

    [Fact]
    public void An_achievement_whose_type_lacks_Achievement_is_rejected()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("credentialSubject.achievement.type", new JsonArray("Course")));

        var problem = Assert.Single(CredentialValidator.Validate(credential).Errors);

        Assert.Equal((ValidationCode.MissingType, "$.credentialSubject.achievement.type"), (problem.Code, problem.Path));
        Assert.Contains("'Achievement'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VerifiableCredential")]
    [InlineData("OpenBadgeCredential")]
    public void A_credential_type_missing_one_of_its_two_values_is_rejected(string kept)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("type", new JsonArray(kept)));

        var problem = Assert.Single(CredentialValidator.ValidateAchievementCredential(credential).Errors);

        Assert.Equal((ValidationCode.MissingType, "$.type"), (problem.Code, problem.Path));
    }

    [Fact]
    public void A_credential_of_an_unknown_type_is_rejected_as_such()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("type", new JsonArray("VerifiableCredential", "OtherCredential")));

        var problem = Assert.Single(CredentialValidator.Validate(credential).Errors);

        Assert.Equal((ValidationCode.UnknownCredentialType, "$.type"), (problem.Code, problem.Path));
    }

    [Fact]
    public void A_subject_without_id_and_without_identifier_is_rejected()
    {
        var root = CredentialFixtures.Without("credentialSubject.id");
        root["credentialSubject"]!.AsObject().Remove("identifier");

        var problem = Assert.Single(CredentialValidator.Validate(CredentialFixtures.ToElement(root), ValidationMode.Strict).Errors);

        Assert.Equal((ValidationCode.UnidentifiedSubject, "$.credentialSubject"), (problem.Code, problem.Path));
    }

    [Theory]
    [InlineData("credentialSubject.id")]
    [InlineData("credentialSubject.identifier")]
    public void A_subject_with_only_an_id_or_only_an_identifier_is_accepted(string removed)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.Without(removed));

        Assert.True(CredentialValidator.Validate(credential, ValidationMode.Strict).IsValid);
    }

    [Theory]
    [InlineData("credentialSubject.achievement.achievementType", "Diplomma", false)]
    [InlineData("credentialSubject.achievement.achievementType", "badge", false)]
    [InlineData("credentialSubject.achievement.achievementType", "ext:", false)]
    [InlineData("credentialSubject.achievement.achievementType", "ext:Nano Degree", false)]
    [InlineData("credentialSubject.achievement.achievementType", "MicroCredential", true)]
    [InlineData("credentialSubject.achievement.achievementType", "ext:NanoDegree", true)]
    [InlineData("credentialSubject.achievement.alignment[0].targetType", "CFItem", true)]
    [InlineData("credentialSubject.achievement.alignment[0].targetType", "Skill", false)]
    [InlineData("credentialSubject.achievement.resultDescription[0].resultType", "ext:Stars", true)]
    [InlineData("credentialSubject.achievement.resultDescription[0].resultType", "Grade", false)]
    [InlineData("credentialSubject.identifier[0].identityType", "studentId", false)]
    [InlineData("credentialSubject.result[0].status", "Passed", false)]
    [InlineData("credentialSubject.result[0].status", "ext:Passed", false)]
    [InlineData("issuer.otherIdentifier[0].identifierType", "ext:Ror", true)]
    public void Vocabulary_values_are_checked_with_ext_extensions_where_the_vocabulary_is_extensible(string path, string value, bool valid)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With(path, value));

        var result = CredentialValidator.Validate(credential, ValidationMode.Strict);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var problem = Assert.Single(result.Errors);
            Assert.Equal((ValidationCode.InvalidEnumValue, CredentialFixtures.JsonPath(path)), (problem.Code, problem.Path));
        }
    }

    [Theory]
    [InlineData("image.type", "\"Picture\"", ValidationCode.MissingType)]
    [InlineData("image.type", "[\"Image\", \"Thing\"]", ValidationCode.MissingType)]
    [InlineData("image.format", "\"png\"", ValidationCode.PropertyNotAllowed)]
    [InlineData("credentialSubject.identifier[0].email", "\"a@example.com\"", ValidationCode.PropertyNotAllowed)]
    [InlineData("credentialSubject.identifier[0].hashed", "\"yes\"", ValidationCode.WrongKind)]
    [InlineData("credentialSubject.creditsEarned", "\"5\"", ValidationCode.WrongKind)]
    [InlineData("credentialSubject.achievement.name", "42", ValidationCode.WrongKind)]
    [InlineData("credentialSubject.achievement.inLanguage", "\"english\"", ValidationCode.PatternMismatch)]
    [InlineData("credentialSubject.achievement.id", "\"data-101\"", ValidationCode.InvalidUri)]
    [InlineData("credentialSubject.id", "\"did example\"", ValidationCode.InvalidUri)]
    [InlineData("credentialSubject.achievement.alignment[0].targetUrl", "\"esco skill\"", ValidationCode.InvalidUri)]
    [InlineData("issuer", "\"not a uri\"", ValidationCode.InvalidUri)]
    [InlineData("issuer", "42", ValidationCode.WrongKind)]
    [InlineData("issuer.dateOfBirth", "\"08-01-1842\"", ValidationCode.InvalidDate)]
    [InlineData("endorsementJwt", "[\"not a jws\"]", ValidationCode.PatternMismatch, "endorsementJwt[0]")]
    [InlineData("credentialSubject", "\"did:example:1\"", ValidationCode.WrongKind)]
    [InlineData("credentialSubject.achievement.type", "[\"Achievement\", 7]", ValidationCode.InvalidType, "credentialSubject.achievement.type[1]")]
    [InlineData("@context", "[\"https://www.w3.org/ns/credentials/v2\", \"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\", 7]", ValidationCode.InvalidContext, "@context[2]")]
    public void A_value_of_the_wrong_form_is_rejected_with_its_code(string path, string json, string code, string? reportedAt = null)
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With(path, JsonNode.Parse(json)));

        var problem = Assert.Single(CredentialValidator.Validate(credential).Errors);

        Assert.Equal((code, CredentialFixtures.JsonPath(reportedAt ?? path)), (problem.Code, problem.Path));
    }

    [Theory]
    [InlineData("proof")]
    [InlineData("evidence")]
    [InlineData("credentialSchema")]
    [InlineData("termsOfUse")]
    [InlineData("credentialSubject.achievement.alignment")]
    public void A_single_object_where_an_array_is_expected_is_a_warning_when_lenient_and_an_error_when_strict(string path)
    {
        var root = CredentialFixtures.FullNode();
        var (parent, last) = CredentialFixtures.Locate(root, path);
        parent[last] = parent[last]![0]!.DeepClone();
        var credential = CredentialFixtures.ToElement(root);

        var lenient = CredentialValidator.Validate(credential, ValidationMode.Lenient);
        var strict = CredentialValidator.Validate(credential, ValidationMode.Strict);

        Assert.True(lenient.IsValid);
        Assert.Equal((ValidationCode.SingleValue, CredentialFixtures.JsonPath(path)), (Assert.Single(lenient.Warnings).Code, Assert.Single(lenient.Warnings).Path));
        Assert.Equal((ValidationCode.SingleValue, CredentialFixtures.JsonPath(path)), (Assert.Single(strict.Errors).Code, Assert.Single(strict.Errors).Path));
    }

    [Fact]
    public void A_type_given_as_a_string_is_tolerated_only_when_lenient()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("evidence[0].type", "Evidence"));

        Assert.True(CredentialValidator.Validate(credential, ValidationMode.Lenient).IsValid);
        Assert.Equal("$.evidence[0].type", Assert.Single(CredentialValidator.Validate(credential, ValidationMode.Strict).Errors).Path);
    }

    [Fact]
    public void A_hashed_identity_that_is_not_an_IdentityHash_is_a_warning()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("credentialSubject.identifier[0].identityHash", "sha256$xyz"));

        var result = CredentialValidator.Validate(credential, ValidationMode.Strict);

        Assert.True(result.IsValid);
        Assert.Equal(ValidationCode.InvalidIdentityHash, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Criteria_without_id_or_narrative_is_a_warning()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("credentialSubject.achievement.criteria", new JsonObject()));

        var result = CredentialValidator.Validate(credential, ValidationMode.Strict);

        Assert.True(result.IsValid);
        Assert.Equal((ValidationCode.EmptyCriteria, "$.credentialSubject.achievement.criteria"), (Assert.Single(result.Warnings).Code, Assert.Single(result.Warnings).Path));
    }

    [Fact]
    public void Endorsements_are_validated_as_EndorsementCredentials_recursively()
    {
        var credential = CredentialFixtures.ToElement(CredentialFixtures.With("endorsement[0].credentialSubject.type", new JsonArray("Endorsement")));

        var problem = Assert.Single(CredentialValidator.Validate(credential).Errors);

        Assert.Equal((ValidationCode.MissingType, "$.endorsement[0].credentialSubject.type"), (problem.Code, problem.Path));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("\"credential\"")]
    public void Input_that_is_not_a_JSON_object_is_a_problem_not_an_exception(string text)
    {
        var result = CredentialValidator.Validate(Encoding.UTF8.GetBytes(text));

        var problem = Assert.Single(result.Errors);
        Assert.Equal("$", problem.Path);
        Assert.Contains(problem.Code, new[] { ValidationCode.InvalidJson, ValidationCode.WrongKind });
    }

    [Fact]
    public void A_document_nested_beyond_the_JSON_depth_limit_is_refused()
    {
        var text = new StringBuilder(CredentialFixtures.Full[..^1].TrimEnd().TrimEnd('}'));
        text.Append(", \"deep\": ").Append(string.Concat(Enumerable.Repeat("[", 200))).Append(string.Concat(Enumerable.Repeat("]", 200))).Append("}}");

        var result = CredentialValidator.Validate(Encoding.UTF8.GetBytes(text.ToString()));

        Assert.Equal(ValidationCode.InvalidJson, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Deeply_nested_parent_organizations_are_bounded_not_a_stack_overflow()
    {
        JsonNode profile = new JsonObject { ["id"] = "https://org.example/0", ["type"] = new JsonArray("Profile") };
        for (var i = 1; i < 150; i++)
        {
            profile = new JsonObject { ["id"] = "https://org.example/" + i, ["type"] = new JsonArray("Profile"), ["parentOrg"] = profile };
        }

        var root = CredentialFixtures.With("issuer", profile);
        using var document = JsonDocument.Parse(root.ToJsonString(), new JsonDocumentOptions { MaxDepth = 1000 });

        var result = CredentialValidator.Validate(document.RootElement);

        Assert.Equal(ValidationCode.InvalidJson, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_Profile_document_is_validated_on_its_own()
    {
        var profile = CredentialFixtures.FullNode()["issuer"]!.DeepClone().AsObject();
        Assert.Empty(CredentialValidator.ValidateProfile(CredentialFixtures.ToElement(profile), ValidationMode.Strict).Problems);

        profile.Remove("type");
        var problem = Assert.Single(CredentialValidator.ValidateProfile(CredentialFixtures.ToElement(profile)).Errors);
        Assert.Equal((ValidationCode.MissingProperty, "$.type"), (problem.Code, problem.Path));
    }
}
