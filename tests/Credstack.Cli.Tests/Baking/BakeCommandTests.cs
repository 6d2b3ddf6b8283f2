using System.Text;
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;

namespace Credstack.Cli.Tests.Baking;

public sealed class BakeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("credstack-bake-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_signed_credential_baked_into_a_PNG_unbakes_to_the_same_bytes_and_still_verifies()
    {
        var signed = await SignAsync("jsonld");
        var credential = Write("signed.json", signed);
        var image = Write("badge.png", BadgeImages.Png());

        var (bakeExit, bakeOut, bakeErr) = await CliRunner.RunAsync(null, "bake", "--image", image, "--credential", credential);
        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "unbake", Path.Combine(_dir, "badge-baked.png"));

        Assert.Equal(0, bakeExit);
        Assert.Empty(bakeErr);
        Assert.Equal(Path.Combine(_dir, "badge-baked.png"), bakeOut.Trim());
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(signed, stdout);
        var report = await new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver())).VerifyAsync(Encoding.UTF8.GetBytes(stdout));
        Assert.True(report.Succeeded, report.ToString());
    }

    [Fact]
    public async Task A_VC_JWT_baked_into_an_SVG_unbakes_with_a_json_report()
    {
        var token = await SignAsync("ob-jwt");
        var credential = Write("signed.jwt", token + "\n");
        var image = Write("badge.svg", Encoding.UTF8.GetBytes(BadgeImages.Svg));
        var baked = Path.Combine(_dir, "out.svg");

        var (bakeExit, bakeOut, _) = await CliRunner.RunAsync(null, "bake", "--image", image, "--credential", credential, "--out", baked, "--json");
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "unbake", baked, "--json");

        Assert.Equal(0, bakeExit);
        using var bakeReport = JsonDocument.Parse(bakeOut);
        Assert.Equal(baked, bakeReport.RootElement.GetProperty("file").GetString());
        Assert.Equal("svg", bakeReport.RootElement.GetProperty("image").GetString());
        Assert.Equal(new FileInfo(baked).Length, bakeReport.RootElement.GetProperty("bytes").GetInt64());
        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("svg", report.RootElement.GetProperty("image").GetString());
        Assert.Equal("ob3", report.RootElement.GetProperty("format").GetString());
        Assert.Equal("jws", report.RootElement.GetProperty("payloadKind").GetString());
        Assert.Equal(token, report.RootElement.GetProperty("credential").GetString());
    }

    [Fact]
    public async Task Unbake_of_an_image_that_holds_no_credential_exits_3_and_says_so()
    {
        var image = Write("plain.png", BadgeImages.Png());

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "unbake", image);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("holds no baked credential", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unbake_json_reports_a_missing_credential_as_an_error_object()
    {
        var image = Write("plain.svg", Encoding.UTF8.GetBytes(BadgeImages.Svg));

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "unbake", image, "--json");

        Assert.Equal(3, exit);
        using var error = JsonDocument.Parse(stdout);
        Assert.Equal("not-baked", error.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unbake_of_a_PNG_with_a_broken_chunk_checksum_exits_3_as_malformed()
    {
        var png = BadgeImages.Png();
        png[^5] ^= 0xFF;
        var image = Write("broken.png", png);

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "unbake", image);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("malformed", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt", "just text")]
    [InlineData("absent.png", null)]
    public async Task Unbake_of_a_file_that_is_no_image_exits_3(string name, string? content)
    {
        var path = content is null ? Path.Combine(_dir, name) : Write(name, content);

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "unbake", path);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains(content is null ? "image not found" : "neither a PNG nor an SVG", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bake_refuses_text_that_is_neither_a_JSON_credential_nor_a_JWS()
    {
        var image = Write("badge.png", BadgeImages.Png());
        var credential = Write("c.txt", "hello");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "bake", "--image", image, "--credential", credential);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("credstack bake: bake:", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "badge-baked.png")));
    }

    [Fact]
    public async Task Bake_refuses_to_overwrite_an_existing_output_without_force()
    {
        var image = Write("badge.png", BadgeImages.Png());
        var credential = Write("signed.json", await SignAsync("jsonld"));
        var existing = Write("taken.png", "keep me");

        var (exit, _, stderr) = await CliRunner.RunAsync(null, "bake", "--image", image, "--credential", credential, "--out", existing);
        var (forced, _, _) = await CliRunner.RunAsync(null, "bake", "--image", image, "--credential", credential, "--out", existing, "--force");

        Assert.Equal(3, exit);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal(0, forced);
        Assert.NotEqual("keep me", await File.ReadAllTextAsync(existing));
    }

    [ConformanceFact("openbadges", "validator-samples")]
    public async Task Unbake_reads_the_OB3_validator_sample_PNG()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync(null, "unbake", Conformance.PathOf("openbadges", "validator-samples", "ob30", "simple-json.png"), "--json");

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("json", report.RootElement.GetProperty("payloadKind").GetString());
        using var credential = JsonDocument.Parse(report.RootElement.GetProperty("credential").GetString()!);
        Assert.Equal(JsonValueKind.Array, credential.RootElement.GetProperty("type").ValueKind);
    }

    private string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private async Task<string> SignAsync(string format)
    {
        var keyPath = Path.Combine(_dir, "key-" + format + ".jwk");
        var (_, generated, _) = await CliRunner.RunAsync(null, "keys", "generate", "--out", keyPath, "--json");
        using var key = JsonDocument.Parse(generated);
        var did = key.RootElement.GetProperty("did").GetString();
        var unsigned = $$$"""{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": "{{{did}}}", "validFrom": "2026-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:alice"}}""";
        var (exit, signed, stderr) = await CliRunner.RunAsync(unsigned, "sign", "--key", keyPath, "--format", format);
        Assert.True(exit == 0, stderr);
        return signed;
    }
}
