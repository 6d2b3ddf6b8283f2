using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Baking;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Cli.Tests.Verify;

public sealed class VerifyCommandTests : IDisposable
{
    private const string Now = "2026-06-01T00:00:00Z";
    private const string WebDid = "did:web:example.edu";

    private readonly string _dir = Directory.CreateTempSubdirectory("credstack-verify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_signed_credential_verifies_and_every_check_is_listed_with_a_mark()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var file = Write("good.json", Sign(Credential(DidKey.CreateDid(key.PublicKey)), key));

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "verify", "--now", Now, file);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Contains("VERIFIED", stdout, StringComparison.Ordinal);
        Assert.Contains("✓ proof.signature", stdout, StringComparison.Ordinal);
        Assert.Contains("- recipient.mismatch", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_credential_exits_with_the_not_verified_code_and_names_the_failed_check()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var signed = JsonNode.Parse(Sign(Credential(DidKey.CreateDid(key.PublicKey)), key))!;
        signed["name"] = "Changed";
        var file = Write("bad.json", Encoding.UTF8.GetBytes(signed.ToJsonString()));

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "verify", "--now", Now, file);

        Assert.Equal(ExitCodes.NotVerified, exit);
        Assert.Contains("NOT VERIFIED", stdout, StringComparison.Ordinal);
        Assert.Contains("✗ proof.signature", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_each_input_gets_a_report_line_and_formats_are_detected_by_content()
    {
        using var key = SigningKey.Generate(KeyType.P256);
        var credential = Credential(DidKey.CreateDid(key.PublicKey));
        var jwt = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(credential.ToJsonString()), key, DidKey.VerificationMethodId(key.PublicKey)).Token!;
        var png = PngBaker.Bake(Png, jwt).Image!;
        var first = Write("credential.txt", Encoding.UTF8.GetBytes(jwt));
        var second = Write("badge.dat", png);

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "verify", "--json", "--now", Now, first, second);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var jwtReport = JsonDocument.Parse(lines[0]);
        using var pngReport = JsonDocument.Parse(lines[1]);
        Assert.True(jwtReport.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal(first, jwtReport.RootElement.GetProperty("input").GetString());
        Assert.Equal("ob-vc-jwt", jwtReport.RootElement.GetProperty("credential").GetProperty("format").GetString());
        Assert.Equal("png", pngReport.RootElement.GetProperty("credential").GetProperty("container").GetString());
    }

    [Fact]
    public async Task Jsonl_reads_one_credential_per_line_and_writes_one_report_per_line()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var good = Encoding.UTF8.GetString(Sign(Credential(DidKey.CreateDid(key.PublicKey)), key));
        var stdin = good + "\n\n{\"not\":\"a credential\"}\n" + JsonSerializer.Serialize("not.a.jwt") + "\n";

        var (exit, stdout, _) = await CliRunner.RunAsync(stdin, "verify", "--jsonl", "--now", Now);

        Assert.Equal(ExitCodes.NotVerified, exit);
        var verdicts = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("verified").GetBoolean()).ToList();
        Assert.Equal([true, false, false], verdicts);
    }

    [Fact]
    public async Task A_document_map_serves_the_did_web_document_and_the_recipient_is_matched()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var file = Write("web.json", Sign(Credential(WebDid), key, WebDid + "#key-1"));
        Write("did.json", Encoding.UTF8.GetBytes($$"""
            {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],"id":"{{WebDid}}",
             "verificationMethod":[{"id":"{{WebDid}}#key-1","type":"Multikey","controller":"{{WebDid}}","publicKeyMultibase":"{{key.PublicKey.ExportPublicKeyMultibase()}}"}],
             "assertionMethod":["{{WebDid}}#key-1"]}
            """));
        var map = Write("map.json", Encoding.UTF8.GetBytes("""{"https://example.edu/.well-known/did.json":"did.json"}"""));

        var withMap = await CliRunner.RunAsync(null, "verify", "--documents", map, "--recipient", "did:example:learner", "--now", Now, file);
        var withoutMap = await CliRunner.RunAsync(null, "verify", "--now", Now, file);
        var otherRecipient = await CliRunner.RunAsync(null, "verify", "--documents", map, "--recipient", "did:example:other", "--now", Now, file);

        Assert.Equal(0, withMap.ExitCode);
        Assert.Contains("✓ recipient.mismatch", withMap.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotVerified, withoutMap.ExitCode);
        Assert.Contains("✗ proof.verification-method", withoutMap.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotVerified, otherRecipient.ExitCode);
    }

    [Fact]
    public async Task Now_decides_expiry()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = Credential(DidKey.CreateDid(key.PublicKey));
        credential["validUntil"] = "2026-03-01T00:00:00Z";
        var file = Write("expiring.json", Sign(credential, key));

        var before = await CliRunner.RunAsync(null, "verify", "--now", "2026-02-01T00:00:00Z", file);
        var after = await CliRunner.RunAsync(null, "verify", "--now", "2026-04-01T00:00:00Z", file);

        Assert.Equal(0, before.ExitCode);
        Assert.Equal(ExitCodes.NotVerified, after.ExitCode);
        Assert.Contains("✗ validity.expired", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_a_bad_map_and_a_bad_instant_have_their_own_exit_codes()
    {
        var missing = await CliRunner.RunAsync(null, "verify", Path.Combine(_dir, "nope.json"));
        var badMap = await CliRunner.RunAsync(null, "verify", "--documents", Write("map.json", "[1]"u8.ToArray()), Write("x.json", "{}"u8.ToArray()));
        var badNow = await CliRunner.RunAsync(null, "verify", "--now", "yesterday", Write("y.json", "{}"u8.ToArray()));

        Assert.Equal(ExitCodes.InvalidInput, missing.ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, badMap.ExitCode);
        Assert.Equal(ExitCodes.UsageError, badNow.ExitCode);
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static JsonObject Credential(string issuer) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-000000000001",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["name"] = "Data Analysis with Python",
        ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Example University" },
        ["validFrom"] = "2026-01-10T09:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = "did:example:learner",
            ["type"] = new JsonArray("AchievementSubject"),
            ["achievement"] = new JsonObject
            {
                ["id"] = "https://example.edu/achievements/data-analysis",
                ["type"] = new JsonArray("Achievement"),
                ["name"] = "Data Analysis with Python",
                ["description"] = "Clean, explore and model tabular data.",
                ["criteria"] = new JsonObject { ["narrative"] = "Pass the final project." },
            },
        },
    };

    private static byte[] Sign(JsonObject credential, SigningKey key, string? method = null)
    {
        var signed = new DataIntegritySigner(new FixedTime()).Sign(
            Encoding.UTF8.GetBytes(credential.ToJsonString()), key, new DataIntegrityProofOptions { VerificationMethod = method ?? DidKey.VerificationMethodId(key.PublicKey) });
        Assert.True(signed.Succeeded, signed.ToString());
        return signed.SignedDocument!;
    }

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    }
}
