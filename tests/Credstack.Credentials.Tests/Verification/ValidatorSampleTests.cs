// The 1EdTech digital-credentials-public-validator samples through the one verifier, against the upstream expectations in
// expected-results.json; every difference is listed with its reason in validator-sample-differences.json beside this file.
using System.Runtime.CompilerServices;
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Verification;
using Credstack.JsonLd.Canonicalization;

namespace Credstack.Credentials.Tests.Verification;

public sealed class ValidatorSampleTests
{
    private const string Folder = "openbadges";
    private const string TestListUrl = "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist";

    private static readonly VerificationRequest At = new() { Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero) };

    private static readonly Lazy<CredentialVerifier> SampleVerifier = new(() => new CredentialVerifier(new CredentialVerifierOptions
    {
        JsonLd = JsonLdCanonicalizer.WithDocumentMap(Conformance.PathOf("contexts", "index.json")),
        VerificationMethods = new StaticVerificationMethodResolver()
            .AddMultibaseFragmentController("https://example.com/issuers/876543")
            .AddMultibaseFragmentController("https://example.edu/issuers/565049")
            .AddMultibaseFragmentController("https://1edtech.edu/issuers/565049")
            .AddMultibaseFragmentController("https://state.gov/issuers/565049")
            .AddMultibaseFragmentController("urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795"),
        Documents = new DocumentMap(new Dictionary<string, ReadOnlyMemory<byte>>
        {
            [TestListUrl] = File.ReadAllBytes(Conformance.PathOf(Folder, "validator-samples", "ob30", "bit-string-list", "testlist")),
        }),
    }));

    private static Task<VerificationReport> VerifySample(string file) =>
        SampleVerifier.Value.VerifyAsync(File.ReadAllBytes(Conformance.PathOf(Folder, file)), At);

    [ConformanceFact(Folder, "validator-samples")]
    public async Task Every_sample_gets_the_upstream_verdict_except_the_listed_differences()
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Conformance.PathOf(Folder, "validator-samples", "expected-results.json")));
        using var listed = JsonDocument.Parse(File.ReadAllBytes(DifferencesFile()));
        var differences = Entries(listed.RootElement.GetProperty("differences"));
        var notAsserted = Entries(listed.RootElement.GetProperty("notAsserted"));
        var unexpected = new List<string>();
        foreach (var sample in expected.RootElement.GetProperty("samples").EnumerateArray())
        {
            var file = sample.GetProperty("file").GetString()!;
            var upstream = sample.GetProperty("upstreamExpectation").GetString()!;
            bool? upstreamVerified = upstream.StartsWith("valid", StringComparison.Ordinal) ? true
                : upstream.StartsWith("invalid", StringComparison.Ordinal) ? false
                : null;
            var report = await VerifySample(file);
            var summary = $"{file}: Credstack {(report.Verified ? "verified" : "not verified")}, upstream '{upstream}'; {report}";

            if (differences.TryGetValue(file, out var listedVerdict))
            {
                if (report.Verified != listedVerdict || report.Verified == upstreamVerified)
                {
                    unexpected.Add("listed difference no longer holds: " + summary);
                }
            }
            else if (upstreamVerified is { } verdict)
            {
                if (report.Verified != verdict)
                {
                    unexpected.Add("unlisted difference: " + summary);
                }
            }
            else if (!notAsserted.TryGetValue(file, out var recorded) || recorded != report.Verified)
            {
                unexpected.Add("not asserted upstream and not recorded (or recorded differently): " + summary);
            }
        }

        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }

    [ConformanceTheory(Folder, "validator-samples")]
    [InlineData("validator-samples/ob30/simple-err-expired.json", VerificationCode.ValidityExpired)]
    [InlineData("validator-samples/ob30/simple-err-issued.json", VerificationCode.ValidityNotYetValid)]
    [InlineData("validator-samples/ob30/simple-err-proof-value.json", VerificationCode.ProofSignature)]
    [InlineData("validator-samples/ob30/simple-err-type.json", VerificationCode.StructureJsonLd)]
    [InlineData("validator-samples/ob30/simple-err-issuer-type.json", VerificationCode.StructureSchema)]
    [InlineData("validator-samples/ob30/simple-err-proof-method-unknown-did-method.json", VerificationCode.ProofVerificationMethod)]
    [InlineData("validator-samples/ob30/simple-err-proof-method.json", VerificationCode.ProofVerificationMethod)]
    [InlineData("validator-samples/ob30/simple-multiple-proofs.json", VerificationCode.ProofSuite)]
    [InlineData("validator-samples/ob30/simple-noproof.json", VerificationCode.ProofPresent)]
    [InlineData("validator-samples/ob30/simple-did-key-method.json", VerificationCode.ProofController)]
    [InlineData("validator-samples/ob30/bit-string-list/credential-status-revoked.json", VerificationCode.StatusRevoked)]
    [InlineData("validator-samples/ob30/bit-string-list/credential-status-revoked-blank-nodes.json", VerificationCode.StatusRevoked)]
    [InlineData("validator-samples/clr20/simple_v1.json", VerificationCode.EmbeddedInvalid)]
    public async Task A_sample_that_does_not_verify_fails_the_check_that_names_the_reason(string file, string code)
    {
        var report = await VerifySample(file);

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(code), report.ToString());
    }

    [ConformanceTheory(Folder, "validator-samples")]
    [InlineData("validator-samples/ob30/complete.json", VerificationCode.EndorsementInvalid, null)]
    [InlineData("validator-samples/ob30/simple-eddsa-2022.json", VerificationCode.ProofSuite, DataIntegrityProblem.CryptosuiteDeprecated)]
    [InlineData("validator-samples/ob30/simple_v1.json", VerificationCode.StructureSchema, "context-vc-1.1")]
    [InlineData("validator-samples/ob30/simple-jwt.png", VerificationCode.ProofController, "jwk-header-key")]
    public async Task A_sample_that_verifies_with_a_warning_names_it(string file, string code, string? problem)
    {
        var report = await VerifySample(file);

        Assert.True(report.Verified, report.ToString());
        Assert.Contains(report.Warnings, w => w.Code == code && w.Problem == problem);
    }

    [ConformanceTheory(Folder, "validator-samples")]
    [InlineData("validator-samples/ob30/simple-json.png", CredentialContainer.Png, CredentialFormat.DataIntegrity)]
    [InlineData("validator-samples/ob30/simple-json.svg", CredentialContainer.Svg, CredentialFormat.DataIntegrity)]
    [InlineData("validator-samples/ob30/simple-jwt.svg", CredentialContainer.Svg, CredentialFormat.OpenBadgesJwt)]
    [InlineData("validator-samples/ob30/simple-jwt_v1.png", CredentialContainer.Png, CredentialFormat.OpenBadgesJwt)]
    public async Task A_baked_sample_is_unbaked_and_its_payload_verified(string file, CredentialContainer container, CredentialFormat format)
    {
        var report = await VerifySample(file);

        Assert.True(report.Verified, report.ToString());
        Assert.Equal(container, report.Credential!.Container);
        Assert.Equal(format, report.Credential.Format);
        Assert.True(report.Has(VerificationCode.InputImage, CheckStatus.Passed));
    }

    [ConformanceFact(Folder, "validator-samples")]
    public async Task The_CLR_sample_reports_its_embedded_credential_nested()
    {
        var report = await VerifySample("validator-samples/clr20/simple.json");

        Assert.True(report.Verified, report.ToString());
        var embedded = Assert.Single(report.Embedded);
        Assert.Equal("verifiableCredential", embedded.Relation);
        Assert.Equal("$.credentialSubject.verifiableCredential[0]", embedded.Path);
        Assert.True(embedded.Report.Verified, embedded.Report.ToString());
        Assert.True(report.Has(VerificationCode.EmbeddedInvalid, CheckStatus.Passed));
    }

    private static Dictionary<string, bool> Entries(JsonElement list) =>
        list.EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("credstack").GetString() == "verified", StringComparer.Ordinal);

    private static string DifferencesFile([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "validator-sample-differences.json");
}
