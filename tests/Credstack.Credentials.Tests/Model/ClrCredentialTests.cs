using System.Text;
using System.Text.Json;
using Credstack.Credentials.Model;
using Credstack.Credentials.Tests.Dids;
using Credstack.Credentials.Tests.Validation;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Tests.Model;

public sealed class ClrCredentialTests
{
    [Fact]
    public void A_CLR_embeds_its_component_credentials_exactly_as_signed_and_validates()
    {
        // The component's bytes, with its own formatting, as stored after signing.
        var componentText = CredentialFixtures.Full.Replace("Data Analysis Fundamentals", "Donn\\u00e9es", StringComparison.Ordinal);
        var component = EmbeddedCredential.FromUtf8(Encoding.UTF8.GetBytes(componentText));
        var clr = ClrCredential.Create(
            new Profile { Id = "https://university.example/issuers/1", Name = "Example University" },
            "Transcript",
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            [component],
            new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero),
            associations: [new Association { AssociationType = AssociationType.IsPartOf, SourceId = "urn:uuid:a", TargetId = "urn:uuid:b" }],
            timeProvider: new ManualTimeProvider(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)));

        var json = clr.ToUtf8Json();

        Assert.Contains(componentText.Trim(), Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        var result = CredentialValidator.Validate(json, ValidationMode.Strict);
        Assert.Empty(result.Problems);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            document.RootElement.GetProperty("@context").EnumerateArray().Select(e => e.GetString()));
    }

    [ConformanceFact("openbadges", "validator-samples")]
    public void The_CLR_sample_round_trips_and_its_components_keep_their_original_text()
    {
        var original = File.ReadAllBytes(Conformance.PathOf("openbadges", "validator-samples", "clr20", "simple.json"));
        using var expected = JsonDocument.Parse(original);

        var parsed = ClrCredential.Parse(original);

        Assert.True(parsed.Succeeded, parsed.Error);
        var component = Assert.Single(parsed.Value.CredentialSubject.VerifiableCredential);
        Assert.Equal(expected.RootElement.GetProperty("credentialSubject").GetProperty("verifiableCredential")[0].GetRawText(), component.GetRawText());
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], component.Type);
        Assert.Equal("http://example.com/credentials/3527", component.Id);
        using var actual = JsonDocument.Parse(parsed.Value.ToUtf8Json());
        Assert.Null(JsonSemantics.Difference(expected.RootElement, actual.RootElement));
    }

    [Fact]
    public void An_embedded_credential_must_be_a_JSON_object()
    {
        Assert.Throws<ArgumentException>(() => EmbeddedCredential.FromUtf8("[1]"u8));
        Assert.ThrowsAny<JsonException>(() => EmbeddedCredential.FromUtf8("{"u8));
    }
}
