using System.Runtime.CompilerServices;
using System.Text.Json;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Tests.Validation;

/// <summary>
/// The structural validator against the 1EdTech material: the OB 3.0 spec examples (all valid), and the
/// validator samples, whose JSON Schema outcome (expected-results.json) strict mode must reproduce, except
/// for the differences listed with a reason in schema-differences.json beside this file.
/// </summary>
public sealed class ConformanceCorpusTests
{
    private const string SchemaCheckKey = "schemaCheck(json-schema/achievementcredential.json)";

    public static TheoryData<string> SpecExamples() => Rows(() =>
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "spec-examples", "index.json")));
        return index.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()!).ToArray();
    });

    public static TheoryData<string> SchemaCheckedSamples() => Rows(() => ExpectedResults().Keys);

    [ConformanceTheory("openbadges", "spec-examples")]
    [MemberData(nameof(SpecExamples))]
    public void Every_spec_example_is_valid_in_strict_mode(string file)
    {
        var result = CredentialValidator.Validate(File.ReadAllBytes(Conformance.PathOf("openbadges", "spec-examples", file)), ValidationMode.Strict);

        Assert.True(result.IsValid, result.ToString());
    }

    [ConformanceTheory("openbadges", "validator-samples")]
    [MemberData(nameof(SchemaCheckedSamples))]
    public void Strict_mode_accepts_or_rejects_each_validator_sample_as_the_JSON_Schema_does(string file)
    {
        var schemaAccepts = ExpectedResults()[file];
        var difference = Differences().GetValueOrDefault(file);
        var expected = difference?.CredstackAccepts ?? schemaAccepts;

        var result = CredentialValidator.Validate(File.ReadAllBytes(Conformance.PathOf("openbadges", file)), ValidationMode.Strict);

        Assert.True(difference is null || difference.CredstackAccepts != schemaAccepts, $"{file} is listed as a difference but agrees with the schema.");
        Assert.True(expected == result.IsValid, $"{file}: expected {(expected ? "accept" : "reject")}{(difference is null ? "" : " (listed difference: " + difference.Reason + ")")}; got{Environment.NewLine}{result}");
    }

    [ConformanceTheory("openbadges", "validator-samples")]
    [InlineData("validator-samples/ob30/simple.json", true)]
    [InlineData("validator-samples/ob30/simple_v1.json", true)]
    [InlineData("validator-samples/ob30/simple-did-web-method.json", true)]
    [InlineData("validator-samples/ob30/simple-context-alias.json", true)]
    [InlineData("validator-samples/ob30/simple-context-version.json", true)]
    [InlineData("validator-samples/ob30/simple-eddsa-2022.json", true)]
    [InlineData("validator-samples/ob30/simple-noproof.json", false)] // its subject has no achievement
    [InlineData("validator-samples/ob30/complete.json", true)]
    [InlineData("validator-samples/ob30/complete_v1.json", false)] // endorsements without id, identityType "email"
    [InlineData("validator-samples/ob30/credential-status-revoked.json", true)]
    [InlineData("validator-samples/ob30/bit-string-list/credential-status-revoked.json", true)]
    [InlineData("validator-samples/ob30/endorsement-valid.json", true)]
    [InlineData("validator-samples/ob30/endorsement-err-schema-status-refresh.json", true)]
    [InlineData("validator-samples/ob30/sd/derivedcredential.json", true)]
    [InlineData("validator-samples/ob30/simple.1ob", true)]
    [InlineData("validator-samples/clr20/simple.json", true)]
    [InlineData("validator-samples/clr20/simple_v1.json", true)]
    [InlineData("validator-samples/clr20/simple-noproof.json", false)] // a pre-release CLR context URL
    [InlineData("validator-samples/clr20/complex.json", false)] // an embedded endorsement has no name
    [InlineData("validator-samples/ob30/simple-err-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-issued.json", false)]
    [InlineData("validator-samples/ob30/simple-err-context.json", false)]
    [InlineData("validator-samples/ob30/simple-err-issuer.json", false)]
    [InlineData("validator-samples/ob30/simple-err-credential-subject-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-credential-subject-identifier-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-credential-subject-result-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-credential-subject-profile-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-evidence-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-issuer-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-issuer-parentorg-type.json", false)]
    [InlineData("validator-samples/ob30/simple-err-issuer-otheridentifier-type.json", false)]
    [InlineData("validator-samples/clr20/simple_old_safesigned.json", false)]
    public void Lenient_mode_accepts_what_a_verifier_should_read_and_rejects_broken_structure(string file, bool accepted)
    {
        var result = CredentialValidator.Validate(File.ReadAllBytes(Conformance.PathOf("openbadges", file)), ValidationMode.Lenient);

        Assert.True(accepted == result.IsValid, $"{file}: expected {(accepted ? "accept" : "reject")}; got{Environment.NewLine}{result}");
    }

    [ConformanceFact("openbadges", "validator-samples")]
    public void A_CLR_with_a_broken_component_credential_is_rejected_at_the_component_path()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "validator-samples", "clr20", "simple.json")))!;
        root["credentialSubject"]!["verifiableCredential"]![0]!["credentialSubject"]!["achievement"]!.AsObject().Remove("criteria");

        var result = CredentialValidator.Validate(JsonSerializer.SerializeToElement(root), ValidationMode.Strict);

        var problem = Assert.Single(result.Errors);
        Assert.Equal((ValidationCode.MissingProperty, "$.credentialSubject.verifiableCredential[0].credentialSubject.achievement.criteria"), (problem.Code, problem.Path));
    }

    [ConformanceFact("openbadges", "validator-samples")]
    public void A_CLR_without_component_credentials_is_rejected()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "validator-samples", "clr20", "simple.json")))!;
        root["credentialSubject"]!["verifiableCredential"] = new System.Text.Json.Nodes.JsonArray();

        var problem = Assert.Single(CredentialValidator.Validate(JsonSerializer.SerializeToElement(root)).Errors);

        Assert.Equal((ValidationCode.EmptyArray, "$.credentialSubject.verifiableCredential"), (problem.Code, problem.Path));
    }

    /// <summary>File (relative to openbadges/) → whether the 1EdTech JSON Schema accepts it; samples without a schema result are left out.</summary>
    private static Dictionary<string, bool> ExpectedResults()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf("openbadges", "validator-samples", "expected-results.json")));
        var results = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var sample in document.RootElement.GetProperty("samples").EnumerateArray())
        {
            if (sample.TryGetProperty(SchemaCheckKey, out var check) && check.ValueKind == JsonValueKind.String)
            {
                results[sample.GetProperty("file").GetString()!] = check.GetString()!.StartsWith("SCHEMA-OK", StringComparison.Ordinal);
            }
        }

        return results;
    }

    private static Dictionary<string, SchemaDifference> Differences([CallerFilePath] string thisFile = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "schema-differences.json")));
        return document.RootElement.GetProperty("differences").EnumerateArray().ToDictionary(
            d => d.GetProperty("file").GetString()!,
            d => new SchemaDifference(d.GetProperty("credstackStrict").GetString() == "accept", d.GetProperty("reason").GetString()!),
            StringComparer.Ordinal);
    }

    private static TheoryData<string> Rows(Func<IEnumerable<string>> read)
    {
        var data = new TheoryData<string>();
        if (Conformance.Root is null)
        {
            // The theory is skipped (or fails under CI) by its attribute; one placeholder row keeps discovery working.
            data.Add("(conformance material missing)");
            return data;
        }

        foreach (var row in read())
        {
            data.Add(row);
        }

        return data;
    }

    private sealed record SchemaDifference(bool CredstackAccepts, string Reason);
}
