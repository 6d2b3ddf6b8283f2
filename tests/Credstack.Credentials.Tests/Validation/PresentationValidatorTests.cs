using System.Text.Json;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Tests.Validation;

/// <summary>CredentialValidator.ValidateVerifiablePresentation: the VC Data Model 2.0 §4.13 rules, each with its path and message.</summary>
public sealed class PresentationValidatorTests
{
    [Fact]
    public void A_presentation_with_a_holder_and_a_signed_credential_is_valid()
    {
        var result = Validate("""
            {"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:9c9a36f8-518f-4976-a934-6649502d0008","type":["VerifiablePresentation"],
             "holder":{"id":"did:example:holder"},
             "verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:issuer",
                                      "credentialSubject":{"id":"did:example:holder"},"proof":{"type":"DataIntegrityProof"}},
                                     {"@context":"https://www.w3.org/ns/credentials/v2","type":"EnvelopedVerifiableCredential","id":"data:application/vc+jwt,eyJ.eyJ.c2ln"}]}
            """);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public void Every_presentation_rule_names_the_property_and_the_rule_in_its_message()
    {
        var result = Validate("""
            {"@context":["https://www.w3.org/ns/credentials/v2", 7],"id":["urn:a","urn:b"],"type":["CredentialManagerPresentation"],
             "holder":"z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj",
             "verifiableCredential":["eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
                                     {"@context":"https://www.w3.org/ns/credentials/v2","id":"data:application/vc+jwt,eyJ.eyJ.c2ln"},
                                     {"@context":["https://www.w3.org/ns/credentials/v2"],"type":[],"issuer":"did:example:issuer","credentialSubject":{"id":"did:example:s"},"proof":{"type":"DataIntegrityProof"}}],
             "proof":{"proofValue":"z"}}
            """);

        Assert.Collection(
            result.Errors.OrderBy(e => e.Path, StringComparer.Ordinal),
            e => Assert.Equal(("$.holder", ValidationCode.InvalidUri), (e.Path, e.Code)),
            e => Assert.Equal(("$.id", ValidationCode.WrongKind), (e.Path, e.Code)),
            e => Assert.Equal(("$.proof.type", ValidationCode.MissingProperty), (e.Path, e.Code)),
            e => Assert.Equal(("$.type", ValidationCode.MissingType), (e.Path, e.Code)),
            e => Assert.Equal(("$.verifiableCredential[0]", ValidationCode.WrongKind), (e.Path, e.Code)),
            e => Assert.Equal(("$.verifiableCredential[1].type", ValidationCode.MissingProperty), (e.Path, e.Code)),
            e => Assert.Equal(("$.verifiableCredential[2].type", ValidationCode.EmptyArray), (e.Path, e.Code)),
            e => Assert.Equal(("$['@context'][1]", ValidationCode.InvalidContext), (e.Path, e.Code)));
        Assert.Contains(result.Errors, e => e.Message == "'type' must include \"VerifiablePresentation\"; found [\"CredentialManagerPresentation\"].");
        Assert.Contains(result.Errors, e => e.Message.StartsWith("Each 'verifiableCredential' entry must be a verifiable credential or an EnvelopedVerifiableCredential object, not a string", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message == "'holder' must be a URL; 'z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj' is not.");
    }

    [Theory]
    [InlineData("""{"type":["VerifiablePresentation"]}""", "$['@context']", ValidationCode.MissingProperty)]
    [InlineData("""{"@context":[{"X":"https://example.org/#X"},"https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"]}""", "$['@context'][0]", ValidationCode.ContextOrder)]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"]}""", "$.type", ValidationCode.MissingProperty)]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":{"name":"Acme"}}""", "$.holder.id", ValidationCode.MissingProperty)]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":{"id":"z6Mk"}}""", "$.holder.id", ValidationCode.InvalidUri)]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"verifiableCredential":[{"@context":"https://www.w3.org/ns/credentials/v2","type":"EnvelopedVerifiableCredential","id":"eyJ.eyJ.c2ln"}]}""", "$.verifiableCredential[0].id", ValidationCode.InvalidUri)]
    [InlineData("""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"verifiableCredential":[{"@context":"https://www.w3.org/ns/credentials/examples/v2","type":"EnvelopedVerifiableCredential","id":"data:,x"}]}""", "$.verifiableCredential[0]['@context']", ValidationCode.InvalidContext)]
    public void A_broken_rule_is_reported_at_its_path(string json, string path, string code)
    {
        var result = Validate(json);

        Assert.Contains(result.Errors, e => e.Path == path && e.Code == code);
    }

    [Theory]
    [InlineData(null, "did:example:holder", "names none")]
    [InlineData("did:example:holder", "did:example:alice", "its issuer must then be the holder 'did:example:holder', but it is 'did:example:alice'")]
    public void A_credential_without_a_proof_is_a_holder_claim_that_the_holder_must_have_issued(string? holder, string issuer, string message)
    {
        var result = Validate($$$"""
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"]{{{(holder is null ? "" : ",\"holder\":\"" + holder + "\"")}}},
             "verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"{{{issuer}}}","credentialSubject":{"id":"did:example:s"}}]}
            """);
        var matching = Validate("""
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":"did:example:holder",
             "verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:holder","credentialSubject":{"id":"did:example:s"}}]}
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.verifiableCredential[0]", ValidationCode.HolderClaimMismatch), (error.Path, error.Code));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(matching.IsValid, string.Join(Environment.NewLine, matching.Problems));
    }

    [Fact]
    public void A_VC_1_1_presentation_of_a_VC_1_1_credential_is_valid_and_the_credential_needs_its_issuance_date()
    {
        const string Template = """
            {"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiablePresentation"],"holder":"did:example:holder",
             "verifiableCredential":[{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"issuer":"did:example:issuer",
                                      DATE"credentialSubject":{"id":"did:example:holder"},"proof":{"type":"Ed25519Signature2020"}}]}
            """;

        var valid = Validate(Template.Replace("DATE", "\"issuanceDate\":\"2024-01-01T00:00:00Z\",", StringComparison.Ordinal));
        var undated = Validate(Template.Replace("DATE", "", StringComparison.Ordinal));

        Assert.True(valid.IsValid, string.Join(Environment.NewLine, valid.Problems));
        var error = Assert.Single(undated.Errors);
        Assert.Equal(("$.verifiableCredential[0].issuanceDate", ValidationCode.MissingProperty), (error.Path, error.Code));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"VerifiablePresentation\"")]
    [InlineData("42")]
    public void Input_that_is_not_an_object_is_a_problem_not_an_exception(string json) =>
        Assert.Contains(Validate(json).Errors, e => e.Path == "$" && e.Code == ValidationCode.WrongKind);

    private static ValidationResult Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CredentialValidator.ValidateVerifiablePresentation(document.RootElement);
    }
}
