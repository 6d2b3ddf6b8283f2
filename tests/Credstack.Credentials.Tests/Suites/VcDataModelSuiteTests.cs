using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Tests.DataIntegrity;
using Credstack.Credentials.Validation;
using Credstack.Credentials.Verification;
using Xunit.Abstractions;

namespace Credstack.Credentials.Tests.Suites;

/// <summary>
/// Replays the W3C vc-data-model-2.0-test-suite inputs the way its VC-API flow drives an implementation: the
/// issuer fills in a missing issuer with its own id (here a did:key), validates and signs with eddsa-rdfc-2022;
/// the one CredentialVerifier checks structure and proof. <c>*-ok</c> inputs must issue and verify, <c>*-fail</c> inputs must be refused by
/// the issuer or the verifier, <c>*-fail-or-inject</c> may go either way. <c>presentation-*</c> inputs are replayed as
/// the suite's <c>createLocalVp</c> + <c>/presentations/verify</c> do: the holder issues each credential that has no proof
/// with its own key, validates the presentation, signs it (eddsa-rdfc-2022, authentication, challenge and domain), and the
/// verifier checks it with that challenge and domain. Deviations are listed, with a reason, in
/// vc-data-model-2.0-expectations.json beside this file; a listed input that starts meeting the suite fails the test.
/// </summary>
public sealed class VcDataModelSuiteTests(ITestOutputHelper output)
{
    private const string Suite = "vc-data-model-2.0-test-suite";

    /// <summary>The suite's local holder and issuer key (data-generator.js); inputs name it as holder and as issuer.</summary>
    private const string SuiteHolderDid = "did:key:z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj";

    private const string Challenge = "u3c0Yw0wN6sYhDk3dAbk0hA";

    private const string Domain = "github.com/w3c/vc-data-model-2.0-test-suite";

    private static readonly Lazy<Issuer> SuiteIssuer = new(() => new Issuer());

    private static readonly Lazy<Issuer> SuiteHolder = new(() => new Issuer());

    private static readonly Lazy<CredentialVerifier> SuiteVerifier = new(() => new CredentialVerifier(new CredentialVerifierOptions
    {
        JsonLd = DataIntegrityFixtures.TestJsonLd,
        TimeProvider = DataIntegrityFixtures.Clock,
    }));

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        if (!Conformance.Has(Suite, "tests", "input"))
        {
            data.Add("(suite missing)");
            return data;
        }

        var root = Conformance.PathOf(Suite, "tests", "input");
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return data;
    }

    [ConformanceTheory(Suite)]
    [MemberData(nameof(Inputs))]
    public async Task Each_suite_input_is_issued_and_verified_or_rejected_as_the_suite_expects(string file)
    {
        var expectation = ExpectationOf(file);
        var outcome = await ReplayAsync(file);
        var deviations = Deviations();
        output.WriteLine($"{file}: {outcome}");

        var meets = expectation switch
        {
            SuiteExpectation.Accept => outcome.Kind == OutcomeKind.Verified,
            SuiteExpectation.Reject => outcome.Kind is OutcomeKind.RejectedByIssuer or OutcomeKind.RejectedByHolder or OutcomeKind.RejectedByVerifier,
            SuiteExpectation.RejectOrInject => outcome.Kind != OutcomeKind.NotSupported,
            _ => false,
        };
        if (deviations.TryGetValue(file, out var listed) || TryMatchPrefix(file, out listed))
        {
            Assert.False(meets, $"{file} now meets the suite ({expectation}: {outcome}); remove it from vc-data-model-2.0-expectations.json.");
            Assert.True(listed.Outcome == OutcomeName(outcome.Kind), $"{file} is listed as '{listed.Outcome}' but the outcome is {outcome}.");
        }
        else
        {
            Assert.True(meets, $"{file}: the suite expects {expectation}, Credstack gave {outcome}.");
        }
    }

    [ConformanceTheory(Suite)]
    [MemberData(nameof(Inputs))]
    public async Task Each_fail_input_signed_without_issuer_validation_is_still_refused_by_the_signer_or_the_verifier(string file)
    {
        if (ExpectationOf(file) != SuiteExpectation.Reject)
        {
            return;
        }

        var outcome = await ReplayAsync(file, validate: false);

        var listed = VerifierOnlyDeviations().TryGetValue(file, out var reason);
        Assert.True(listed == (outcome.Kind == OutcomeKind.Verified),
            listed ? $"{file} is listed as accepted by the verifier ({reason}) but now gives {outcome}; remove it from verifierOnly." : $"{file}: signed without validation, {outcome}.");
    }

    [ConformanceFact(Suite)]
    public void Every_listed_deviation_names_a_suite_input_and_gives_a_reason()
    {
        var inputs = ((IEnumerable<object[]>)Inputs()).Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        foreach (var (file, deviation) in Deviations())
        {
            Assert.Contains(file, inputs);
            Assert.False(string.IsNullOrWhiteSpace(deviation.Reason), file);
        }

        foreach (var (prefix, deviation) in PrefixDeviations())
        {
            Assert.Contains(inputs, input => input.StartsWith(prefix, StringComparison.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(deviation.Reason), prefix);
        }
    }

    [Fact]
    public void The_data_model_rules_name_the_property_and_the_rule_in_each_message()
    {
        using var document = JsonDocument.Parse("""
            {"@context":["https://www.w3.org/ns/credentials/v2", 7],"type":["VerifiableCredential"],"id":["urn:a","urn:b"],
             "issuer":{"id":null},"validFrom":"2024-01-02T00:00:00Z","validUntil":"2024-01-01T00:00:00Z",
             "credentialSubject":[{"id":"did:example:1"},{}],"evidence":{},"name":{"@value":"x","url":"y"}}
            """);

        var result = CredentialValidator.ValidateVerifiableCredential(document.RootElement);

        Assert.Collection(
            result.Errors.OrderBy(e => e.Path, StringComparer.Ordinal),
            e => Assert.Equal(("$.credentialSubject[1]", ValidationCode.SubjectWithoutClaims), (e.Path, e.Code)),
            e => Assert.Equal(("$.evidence.type", ValidationCode.MissingProperty), (e.Path, e.Code)),
            e => Assert.Equal(("$.id", ValidationCode.WrongKind), (e.Path, e.Code)),
            e => Assert.Equal(("$.issuer.id", ValidationCode.WrongKind), (e.Path, e.Code)),
            e => Assert.Equal(("$.name.url", ValidationCode.PropertyNotAllowed), (e.Path, e.Code)),
            e => Assert.Equal(("$.validUntil", ValidationCode.ValidityPeriodReversed), (e.Path, e.Code)),
            e => Assert.Equal(("$['@context'][1]", ValidationCode.InvalidContext), (e.Path, e.Code)));
        Assert.Contains(result.Errors, e => e.Message.Contains("'validUntil' (2024-01-01T00:00:00Z) is earlier than 'validFrom' (2024-01-02T00:00:00Z)", StringComparison.Ordinal));
    }

    private static SuiteExpectation ExpectationOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);

        // Presentation inputs are marked -ok, -fail, -fail-or-inject, and three are named for what is wrong with them
        // (presentation-self-asserted-vc-no-holder, -holder-mismatch, -issuer-mismatch: the conformance README's
        // "holder/issuer mismatch cases", rejected by the upstream test that used them): anything not -ok is to be refused.
        if (name.StartsWith("presentation-", StringComparison.Ordinal) && !name.EndsWith("-fail-or-inject", StringComparison.Ordinal))
        {
            return name.EndsWith("-ok", StringComparison.Ordinal) ? SuiteExpectation.Accept : SuiteExpectation.Reject;
        }

        return name.EndsWith("-fail-or-inject", StringComparison.Ordinal) ? SuiteExpectation.RejectOrInject
            : name.EndsWith("-fail", StringComparison.Ordinal) ? SuiteExpectation.Reject
            : SuiteExpectation.Accept;
    }

    /// <summary>The suite's VC-API flow: issue (fill in the issuer, validate, sign), then verify the proof.</summary>
    private static async Task<Outcome> ReplayAsync(string file, bool validate = true)
    {
        if (Path.GetFileName(file).StartsWith("presentation-", StringComparison.Ordinal))
        {
            return await ReplayPresentationAsync(file, validate);
        }

        var issuer = SuiteIssuer.Value;
        var input = JsonNode.Parse(File.ReadAllText(Conformance.PathOf(Suite, "tests", "input", file)));
        if (input is not JsonObject credential)
        {
            return new(OutcomeKind.RejectedByIssuer, "the input is not a JSON object");
        }

        // As the suite's createRequestBody: an absent issuer (or issuer id) becomes the issuer's own; a present one, even null, is kept.
        if (!credential.ContainsKey("issuer"))
        {
            credential["issuer"] = issuer.Did;
        }
        else if (credential["issuer"] is JsonObject issuerObject && !issuerObject.ContainsKey("id"))
        {
            issuerObject["id"] = issuer.Did;
        }

        // The validity-period inputs carry placeholders the suite replaces with a time a year either side of now.
        foreach (var name in (ReadOnlySpan<string>)["validFrom", "validUntil"])
        {
            if (credential[name] is JsonValue value && value.TryGetValue<string>(out var text) && text is "PAST DATE" or "FUTURE DATE")
            {
                var when = DataIntegrityFixtures.Now.AddYears(text == "PAST DATE" ? -1 : 1);
                credential[name] = when.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(credential.ToJsonString());
        using (var document = JsonDocument.Parse(bytes))
        {
            var validation = CredentialValidator.ValidateVerifiableCredential(document.RootElement);
            if (validate && !validation.IsValid)
            {
                return new(OutcomeKind.RejectedByIssuer, validation.Errors.First().ToString());
            }
        }

        var signed = DataIntegrityFixtures.Signer().Sign(bytes, issuer.Key, new DataIntegrityProofOptions { VerificationMethod = issuer.Method });
        if (!signed.Succeeded)
        {
            return new(OutcomeKind.RejectedByIssuer, signed.ToString());
        }

        // The suite asks the verifier for checks: ["proof"] only, so validity period and status do not count here
        // (credential-validfrom-far-future-ok is valid from the year 4023); structure and proof checks do.
        var report = await SuiteVerifier.Value.VerifyAsync(signed.SignedDocument, new VerificationRequest { Now = DataIntegrityFixtures.Now });
        var refused = report.Errors.Where(c => c.Code.StartsWith("proof.", StringComparison.Ordinal) || c.Code.StartsWith("structure.", StringComparison.Ordinal) || c.Code.StartsWith("input.", StringComparison.Ordinal) || c.Code == VerificationCode.VerifierInternalError).ToList();
        return refused.Count == 0 && report.Has(VerificationCode.ProofSignature, CheckStatus.Passed)
            ? new(OutcomeKind.Verified, "issued and verified")
            : new(OutcomeKind.RejectedByVerifier, string.Join("; ", refused.Select(c => c.ToString())));
    }

    /// <summary>
    /// The suite's createLocalVp + verifyVp: every credential without a proof is issued by the holder (issuer := the holder's
    /// did:key, eddsa-rdfc-2022, assertionMethod), then the presentation is validated (the holder's check before signing),
    /// signed by the holder (eddsa-rdfc-2022, authentication, challenge, domain) and verified with that challenge and domain.
    /// The suite's own holder key is replaced by the replay's: its did:key is substituted wherever an input names it.
    /// The presentation-self-asserted-* inputs are holder claims (VC 2.0 §4.13, "Presentations Including Holder Claims"):
    /// their credentials stay unsigned, secured only by the presentation's proof, which is what the inputs test (the upstream
    /// harness signed them too, which is why it dropped the test as unsound).
    /// </summary>
    private static async Task<Outcome> ReplayPresentationAsync(string file, bool validate)
    {
        var holder = SuiteHolder.Value;
        var text = File.ReadAllText(Conformance.PathOf(Suite, "tests", "input", file)).Replace(SuiteHolderDid, holder.Did, StringComparison.Ordinal);
        if (JsonNode.Parse(text) is not JsonObject presentation)
        {
            return new(OutcomeKind.RejectedByHolder, "the input is not a JSON object");
        }

        var selfAsserted = Path.GetFileName(file).StartsWith("presentation-self-asserted-", StringComparison.Ordinal);
        if (!selfAsserted && presentation["verifiableCredential"] is JsonArray credentials)
        {
            for (var i = 0; i < credentials.Count; i++)
            {
                // Envelopes (an id that is a data: URL) are secured already; so is anything with a proof.
                if (credentials[i] is not JsonObject credential || credential.ContainsKey("proof")
                    || (credential["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && idText.StartsWith("data:", StringComparison.Ordinal)))
                {
                    continue;
                }

                // A credential the holder's issuer cannot sign (safe mode refuses it) is presented as it is, for the
                // presentation's validation and verification to judge.
                var copy = (JsonObject)credential.DeepClone();
                copy["issuer"] = holder.Did;
                var issued = DataIntegrityFixtures.Signer().Sign(Encoding.UTF8.GetBytes(copy.ToJsonString()), holder.Key, new DataIntegrityProofOptions { VerificationMethod = holder.Method });
                if (issued.Succeeded)
                {
                    credentials[i] = JsonNode.Parse(issued.SignedDocument);
                }
            }
        }

        var bytes = Encoding.UTF8.GetBytes(presentation.ToJsonString());
        using (var document = JsonDocument.Parse(bytes))
        {
            var validation = CredentialValidator.ValidateVerifiablePresentation(document.RootElement);
            if (validate && !validation.IsValid)
            {
                return new(OutcomeKind.RejectedByHolder, validation.Errors.First().ToString());
            }
        }

        var signed = DataIntegrityFixtures.Signer().Sign(bytes, holder.Key, new DataIntegrityProofOptions
        {
            VerificationMethod = holder.Method,
            ProofPurpose = "authentication",
            Challenge = Challenge,
            Domain = Domain,
        });
        if (!signed.Succeeded)
        {
            return new(OutcomeKind.RejectedByHolder, signed.ToString());
        }

        var report = await SuiteVerifier.Value.VerifyAsync(signed.SignedDocument, new VerificationRequest { Now = DataIntegrityFixtures.Now, ExpectedChallenge = Challenge, ExpectedDomain = Domain });
        var refused = report.Errors.Where(c => !c.Code.StartsWith("validity.", StringComparison.Ordinal) && !c.Code.StartsWith("status.", StringComparison.Ordinal)).ToList();
        return refused.Count == 0 && report.Verified
            ? new(OutcomeKind.Verified, "presented and verified")
            : new(OutcomeKind.RejectedByVerifier, string.Join("; ", refused.Select(c => c.ToString())) + string.Concat(report.Embedded.Select(e => $" [{e.Path}: {e.Report}]")));
    }

    private static Dictionary<string, string> VerifierOnlyDeviations([CallerFilePath] string thisFile = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "vc-data-model-2.0-expectations.json")));
        return document.RootElement.GetProperty("verifierOnly").EnumerateArray().ToDictionary(
            item => item.GetProperty("file").GetString()!, item => item.GetProperty("reason").GetString()!, StringComparer.Ordinal);
    }

    private static bool TryMatchPrefix(string file, out Deviation deviation)
    {
        foreach (var (prefix, rule) in PrefixDeviations())
        {
            if (file.StartsWith(prefix, StringComparison.Ordinal))
            {
                deviation = rule;
                return true;
            }
        }

        deviation = null!;
        return false;
    }

    private static Dictionary<string, Deviation> PrefixDeviations([CallerFilePath] string thisFile = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "vc-data-model-2.0-expectations.json")));
        return document.RootElement.GetProperty("prefixes").EnumerateArray().ToDictionary(
            item => item.GetProperty("prefix").GetString()!,
            item => new Deviation(item.GetProperty("outcome").GetString()!, item.GetProperty("reason").GetString()!),
            StringComparer.Ordinal);
    }

    private static string OutcomeName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Verified => "verified",
        OutcomeKind.RejectedByIssuer => "rejected-by-issuer",
        OutcomeKind.RejectedByHolder => "rejected-by-holder",
        OutcomeKind.RejectedByVerifier => "rejected-by-verifier",
        _ => "not-supported",
    };

    private static Dictionary<string, Deviation> Deviations([CallerFilePath] string thisFile = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "vc-data-model-2.0-expectations.json")));
        var deviations = new Dictionary<string, Deviation>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("deviations").EnumerateArray())
        {
            deviations.Add(item.GetProperty("file").GetString()!, new Deviation(item.GetProperty("outcome").GetString()!, item.GetProperty("reason").GetString()!));
        }

        return deviations;
    }

    private enum SuiteExpectation
    {
        Accept,
        Reject,
        RejectOrInject,
    }

    private enum OutcomeKind
    {
        Verified,
        RejectedByIssuer,
        RejectedByHolder,
        RejectedByVerifier,
        NotSupported,
    }

    private sealed record Outcome(OutcomeKind Kind, string Detail)
    {
        public override string ToString() => $"{Kind}: {Detail}";
    }

    private sealed record Deviation(string Outcome, string Reason);

    /// <summary>The suite's configured issuer: one Ed25519 did:key for the whole run.</summary>
    private sealed class Issuer
    {
        public Issuer()
        {
            Key = SigningKey.Generate(KeyType.Ed25519);
            Did = DidKey.CreateDid(Key.PublicKey);
            Method = DidKey.VerificationMethodId(Key.PublicKey);
        }

        public SigningKey Key { get; }

        public string Did { get; }

        public string Method { get; }
    }
}
