using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Model;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Tests.Validation;

public sealed class ClrValidationTests
{
    private static JsonObject Clr()
    {
        var clr = ClrCredential.Create(
            new Profile { Id = "https://university.example/issuers/1", Name = "Example University" },
            "Transcript",
            "did:example:learner",
            [EmbeddedCredential.FromUtf8(Encoding.UTF8.GetBytes(CredentialFixtures.Full))],
            new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero),
            associations: [new Association { AssociationType = AssociationType.IsParentOf, SourceId = "urn:uuid:a", TargetId = "urn:uuid:b" }],
            id: "urn:uuid:0190a3c2-0000-7000-8000-0000000000dd");
        return JsonNode.Parse(clr.ToUtf8Json())!.AsObject();
    }

    private static ValidationResult Validate(JsonNode clr, ValidationMode mode = ValidationMode.Lenient) =>
        CredentialValidator.Validate(JsonSerializer.SerializeToElement(clr), mode);

    [Fact]
    public void A_CLR_built_by_the_model_is_valid_in_strict_mode() => Assert.Empty(Validate(Clr(), ValidationMode.Strict).Problems);

    [Theory]
    [InlineData("name")]
    [InlineData("validFrom")]
    [InlineData("issuer")]
    [InlineData("credentialSubject")]
    [InlineData("credentialSubject.type")]
    [InlineData("credentialSubject.verifiableCredential")]
    [InlineData("credentialSubject.association[0].type")]
    [InlineData("credentialSubject.association[0].associationType")]
    [InlineData("credentialSubject.association[0].sourceId")]
    [InlineData("credentialSubject.association[0].targetId")]
    public void Removing_a_required_CLR_property_is_an_error_at_its_path(string path)
    {
        var clr = Clr();
        var (parent, last) = CredentialFixtures.Locate(clr, path);
        parent.AsObject().Remove(last);

        var problem = Assert.Single(Validate(clr).Errors);

        Assert.Equal((ValidationCode.MissingProperty, CredentialFixtures.JsonPath(path)), (problem.Code, problem.Path));
    }

    [Fact]
    public void The_second_context_of_a_CLR_must_be_the_CLR_context()
    {
        var clr = Clr();
        clr["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

        var problem = Assert.Single(Validate(clr).Errors);

        Assert.Equal((ValidationCode.ContextOrder, "$['@context'][1]"), (problem.Code, problem.Path));
    }

    [Theory]
    [InlineData("associationType", "\"isCousinOf\"", ValidationCode.InvalidEnumValue)]
    [InlineData("weight", "2", ValidationCode.PropertyNotAllowed)]
    [InlineData("sourceId", "\"a b\"", ValidationCode.InvalidUri)]
    public void Associations_are_a_closed_class_with_a_closed_vocabulary(string property, string json, string code)
    {
        var clr = Clr();
        clr["credentialSubject"]!["association"]![0]![property] = JsonNode.Parse(json);

        var problem = Assert.Single(Validate(clr).Errors);

        Assert.Equal((code, "$.credentialSubject.association[0]." + property), (problem.Code, problem.Path));
    }

    [Fact]
    public void A_component_given_as_a_JWT_string_is_rejected()
    {
        var clr = Clr();
        clr["credentialSubject"]!["verifiableCredential"]![0] = "eyJhbGciOiJSUzI1NiJ9.e30.c2ln";

        var problem = Assert.Single(Validate(clr).Errors);

        Assert.Equal((ValidationCode.WrongKind, "$.credentialSubject.verifiableCredential[0]"), (problem.Code, problem.Path));
    }

    [Theory]
    [InlineData("data:application/vc+jwt,eyJhbGciOiJFUzI1NiJ9.e30.c2ln", true)]
    [InlineData("https://university.example/credentials/1", false)]
    public void An_enveloped_component_must_carry_its_credential_in_a_data_URL(string id, bool valid)
    {
        var clr = Clr();
        clr["credentialSubject"]!["verifiableCredential"]![0] = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = id,
            ["type"] = "EnvelopedVerifiableCredential",
        };

        var result = Validate(clr, ValidationMode.Strict);

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void A_component_of_another_VC_type_gets_the_plain_VC_checks()
    {
        var clr = Clr();
        clr["credentialSubject"]!["verifiableCredential"]![0] = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential", "UniversityDegreeCredential"),
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner" },
        };

        var problem = Assert.Single(Validate(clr).Errors);

        Assert.Equal((ValidationCode.MissingProperty, "$.credentialSubject.verifiableCredential[0].validFrom"), (problem.Code, problem.Path));
    }

    [Fact]
    public void An_endorsement_built_by_the_model_is_valid_in_strict_mode()
    {
        var endorsement = EndorsementCredential.Create(
            new Profile { Id = "https://accreditor.example/issuers/9", Name = "Accreditor" },
            "https://university.example/issuers/1",
            "Accreditation",
            new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            comment: "In good standing.");

        var result = CredentialValidator.Validate(endorsement.ToUtf8Json(), ValidationMode.Strict);

        Assert.Empty(result.Problems);
    }
}
