using System.Text.Json;
using System.Text.Json.Nodes;

namespace Credstack.Cli.Tests.Verify;

/// <summary>A holder signs a presentation with <c>credstack sign --purpose authentication</c>; <c>credstack verify</c> checks it with <c>--challenge</c>/<c>--domain</c>.</summary>
public sealed class PresentationCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("credstack-vp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_presentation_signed_by_the_holder_verifies_with_its_challenge_and_domain_and_not_with_another_challenge()
    {
        var presentation = await SignedPresentationAsync("ch-1", "verifier.example");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "verify", "--challenge", "ch-1", "--domain", "verifier.example", presentation);
        var (wrongExit, wrongOut, _) = await CliRunner.RunAsync(null, "verify", "--challenge", "ch-2", "--domain", "verifier.example", presentation);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("presentation by did:key:", stdout, StringComparison.Ordinal);
        Assert.Contains("✓ proof.challenge", stdout, StringComparison.Ordinal);
        Assert.Contains("✓ embedded.invalid $.verifiableCredential[0]", stdout, StringComparison.Ordinal);
        Assert.Contains("verifiableCredential $.verifiableCredential[0]: verified", stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotVerified, wrongExit);
        Assert.Contains("✗ proof.challenge", wrongOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_the_presentation_report_names_the_holder_and_nests_the_credential_report()
    {
        var presentation = await SignedPresentationAsync("ch-1", "verifier.example");

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "verify", "--json", "--challenge", "ch-1", "--domain", "verifier.example", presentation);

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(stdout);
        Assert.True(report.RootElement.GetProperty("credential").GetProperty("presentation").GetBoolean());
        Assert.StartsWith("did:key:", report.RootElement.GetProperty("credential").GetProperty("holderId").GetString(), StringComparison.Ordinal);
        Assert.True(Assert.Single(report.RootElement.GetProperty("embedded").EnumerateArray()).GetProperty("report").GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task An_unsigned_presentation_warns_by_default_and_fails_with_unsigned_presentation_fail()
    {
        var (keyPath, did) = await GenerateAsync("issuer");
        var (_, credential, _) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath);
        var path = Write("unsigned.json", Presentation(holder: null, credential));

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "verify", path);
        var (failExit, failOut, _) = await CliRunner.RunAsync(null, "verify", "--unsigned-presentation", "fail", path);

        Assert.True(exit == 0, stdout);
        Assert.Contains("! proof.present $: The presentation has no proof: the holder is not authenticated", stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotVerified, failExit);
        Assert.Contains("✗ proof.present", failOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_and_domain_are_refused_for_jwt_formats()
    {
        var (keyPath, did) = await GenerateAsync("issuer");

        var (exit, _, stderr) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath, "--format", "jwt", "--challenge", "x");

        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--purpose, --challenge and --domain go with --format jsonld", stderr, StringComparison.Ordinal);
    }

    private async Task<string> SignedPresentationAsync(string challenge, string domain)
    {
        var (issuerKey, issuerDid) = await GenerateAsync("issuer");
        var (holderKey, holderDid) = await GenerateAsync("holder");
        var (issued, credential, issueErr) = await CliRunner.RunAsync(Credential(issuerDid), "sign", "--key", issuerKey);
        Assert.True(issued == 0, issueErr);
        var unsigned = Write("unsigned-vp.json", Presentation(holderDid, credential));

        var (exit, signed, stderr) = await CliRunner.RunAsync(null, "sign", "--key", holderKey, "--purpose", "authentication", "--challenge", challenge, "--domain", domain, unsigned);

        Assert.True(exit == 0, stderr);
        using var document = JsonDocument.Parse(signed);
        var proof = document.RootElement.GetProperty("proof");
        Assert.Equal(("authentication", challenge, domain), (proof.GetProperty("proofPurpose").GetString(), proof.GetProperty("challenge").GetString(), proof.GetProperty("domain").GetString()));
        return Write("vp.json", signed);
    }

    private static string Presentation(string? holder, string signedCredential)
    {
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(JsonNode.Parse(signedCredential)),
        };
        if (holder is not null)
        {
            presentation["holder"] = holder;
        }

        return presentation.ToJsonString();
    }

    private static string Credential(string issuer) => $$$"""
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "id": "urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0", "issuer": "{{{issuer}}}", "validFrom": "2026-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:alice", "name": "Alice"}}
        """;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<(string Path, string Did)> GenerateAsync(string name)
    {
        var path = Path.Combine(_dir, name + ".jwk");
        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "keys", "generate", "--type", "ed25519", "--out", path, "--json");
        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        return (path, report.RootElement.GetProperty("did").GetString()!);
    }
}
