using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;

namespace Credstack.Cli.Tests.Sign;

public sealed class SignCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("credstack-sign-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("ed25519", "eddsa-rdfc-2022")]
    [InlineData("ed25519", "eddsa-jcs-2022")]
    [InlineData("p256", "ecdsa-rdfc-2019")]
    [InlineData("p384", "ecdsa-jcs-2019")]
    public async Task A_generated_key_signs_a_credential_that_verifies_through_its_did_key(string type, string suite)
    {
        var (keyPath, did, method) = await GenerateAsync(type);
        var unsigned = WriteCredential(did);

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "sign", "--key", keyPath, "--suite", suite, unsigned);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        var report = await VerifyDataIntegrityAsync(stdout);
        Assert.True(report.Succeeded, report.ToString());
        using var signed = JsonDocument.Parse(stdout);
        var proof = signed.RootElement.GetProperty("proof");
        Assert.Equal(suite, proof.GetProperty("cryptosuite").GetString());
        Assert.Equal(method, proof.GetProperty("verificationMethod").GetString());
    }

    [Fact]
    public async Task Without_a_suite_an_Ed25519_key_signs_with_eddsa_rdfc_2022_and_input_comes_from_stdin()
    {
        var (keyPath, did, _) = await GenerateAsync("ed25519");

        var (exit, stdout, _) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath);

        Assert.Equal(0, exit);
        using var signed = JsonDocument.Parse(stdout);
        Assert.Equal("eddsa-rdfc-2022", signed.RootElement.GetProperty("proof").GetProperty("cryptosuite").GetString());
        Assert.False(stdout.EndsWith('\n'));
    }

    [Fact]
    public async Task A_changed_signed_credential_no_longer_verifies()
    {
        var (keyPath, did, _) = await GenerateAsync("ed25519");

        var (_, stdout, _) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath);

        var report = await VerifyDataIntegrityAsync(stdout.Replace("Alice", "Mallory", StringComparison.Ordinal));
        Assert.False(report.Succeeded);
        Assert.True(report.HasProblem(DataIntegrityProblem.SignatureInvalid), report.ToString());
    }

    [Fact]
    public async Task Verification_method_option_names_the_method_in_the_proof()
    {
        var (keyPath, did, _) = await GenerateAsync("ed25519");

        var (exit, stdout, _) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath, "--verification-method", "did:web:example.org#key-1");

        Assert.Equal(0, exit);
        using var signed = JsonDocument.Parse(stdout);
        Assert.Equal("did:web:example.org#key-1", signed.RootElement.GetProperty("proof").GetProperty("verificationMethod").GetString());
    }

    [Theory]
    [InlineData("ed25519", "jwt", "vc+jwt", "EdDSA")]
    [InlineData("p256", "ob-jwt", null, "ES256")]
    public async Task Jwt_formats_give_a_token_that_verifies_through_the_did_key_kid(string type, string format, string? typ, string alg)
    {
        var (keyPath, did, method) = await GenerateAsync(type);

        var (exit, stdout, stderr) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath, "--format", format);

        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal(3, stdout.Split('.').Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(stdout.Split('.')[0]));
        Assert.Equal(alg, header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(method, header.RootElement.GetProperty("kid").GetString());
        if (typ is not null)
        {
            Assert.Equal(typ, header.RootElement.GetProperty("typ").GetString());
        }

        var result = await new JwtVerifier(new DidJwtKeyResolver(new DidResolver())).VerifyAsync(stdout);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
    }

    [Fact]
    public async Task Jsonl_signs_each_line_and_reports_a_bad_line_in_place()
    {
        var (keyPath, did, _) = await GenerateAsync("ed25519");
        var input = Credential(did) + "\n{not json\n" + Credential(did).Replace("Alice", "Bob", StringComparison.Ordinal) + "\n";

        var (exit, stdout, stderr) = await CliRunner.RunAsync(input, "sign", "--key", keyPath, "--jsonl");

        Assert.Equal(3, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.True((await VerifyDataIntegrityAsync(lines[0])).Succeeded);
        Assert.True((await VerifyDataIntegrityAsync(lines[2])).Succeeded);
        using var error = JsonDocument.Parse(lines[1]);
        Assert.Equal(2, error.RootElement.GetProperty("error").GetProperty("line").GetInt32());
        Assert.Equal(DataIntegrityProblem.DocumentMalformed, error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_with_jwt_writes_each_token_as_a_JSON_string_line()
    {
        var (keyPath, did, _) = await GenerateAsync("p384");
        var input = Credential(did) + "\n\n" + Credential(did) + "\n";

        var (exit, stdout, _) = await CliRunner.RunAsync(input, "sign", "--key", keyPath, "--format", "jwt", "--jsonl");

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var verifier = new JwtVerifier(new DidJwtKeyResolver(new DidResolver()));
        foreach (var line in lines)
        {
            var token = JsonSerializer.Deserialize<string>(line);
            Assert.True((await verifier.VerifyAsync(token)).Succeeded, line);
        }
    }

    [Fact]
    public async Task An_RSA_key_signs_a_VC_JOSE_token_named_by_its_JWK_thumbprint()
    {
        var (keyPath, _, _) = await GenerateAsync("rsa");
        using var key = Credstack.Credentials.Keys.JsonWebKey.Parse(await File.ReadAllTextAsync(keyPath)).Key!.ToSigningKey().Key!;

        var (exit, stdout, _) = await CliRunner.RunAsync(Credential("https://issuer.example"), "sign", "--key", keyPath, "--format", "jwt");

        Assert.Equal(0, exit);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(stdout.Split('.')[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(key.PublicKey.ComputeJwkThumbprint(), header.RootElement.GetProperty("kid").GetString());
    }

    [Fact]
    public async Task A_missing_key_file_is_invalid_input_and_prints_nothing()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(Credential("did:example:x"), "sign", "--key", Path.Combine(_dir, "absent.jwk"));

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("key file not found", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "invalid-jwk")]
    [InlineData("""{"kty":"OKP","crv":"Ed25519","x":"AAAA","d":"AAAA"}""", "invalid-key-length")]
    [InlineData("""{"kty":"EC","crv":"secp256k1","x":"AAAA","y":"AAAA","d":"AAAA"}""", "unsupported-key-type")]
    public async Task A_malformed_JWK_is_invalid_input_with_the_key_problem(string jwk, string problem)
    {
        var keyPath = Path.Combine(_dir, "bad.jwk");
        await File.WriteAllTextAsync(keyPath, jwk);

        var (exit, stdout, stderr) = await CliRunner.RunAsync(Credential("did:example:x"), "sign", "--key", keyPath);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_JWK_cannot_sign()
    {
        var (keyPath, did, _) = await GenerateAsync("ed25519");
        using var jwk = JsonDocument.Parse(await File.ReadAllTextAsync(keyPath));
        var publicOnly = Path.Combine(_dir, "public.jwk");
        await File.WriteAllTextAsync(publicOnly, $$"""{"kty":"OKP","crv":"Ed25519","x":"{{jwk.RootElement.GetProperty("x").GetString()}}"}""");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(Credential(did), "sign", "--key", publicOnly);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("public JWK", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ed25519", "ecdsa-rdfc-2019")]
    [InlineData("p256", "eddsa-jcs-2022")]
    public async Task A_suite_that_does_not_match_the_key_is_refused(string type, string suite)
    {
        var (keyPath, did, _) = await GenerateAsync(type);

        var (exit, stdout, stderr) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath, "--suite", suite);

        Assert.Equal(4, exit);
        Assert.Empty(stdout);
        Assert.Contains(DataIntegrityProblem.KeyTypeMismatch, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_RSA_key_cannot_make_a_Data_Integrity_proof()
    {
        var (keyPath, _, _) = await GenerateAsync("rsa");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(Credential("did:example:x"), "sign", "--key", keyPath);

        Assert.Equal(4, exit);
        Assert.Empty(stdout);
        Assert.Contains("not RSA", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_JSON_is_invalid_input()
    {
        var (keyPath, _, _) = await GenerateAsync("ed25519");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("{\"@context\": [", "sign", "--key", keyPath);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains(DataIntegrityProblem.DocumentMalformed, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_term_that_safe_mode_would_drop_is_refused_rather_than_signed()
    {
        var (keyPath, _, _) = await GenerateAsync("ed25519");
        const string document = """{"@context": {"name": "https://schema.org/name"}, "name": "Alice", "undefinedTerm": "silently lost"}""";

        var (exit, stdout, stderr) = await CliRunner.RunAsync(document, "sign", "--key", keyPath);

        Assert.Equal(4, exit);
        Assert.Empty(stdout);
        Assert.Contains(DataIntegrityProblem.CanonicalizationFailed, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suite_with_a_jwt_format_is_refused_by_the_parser()
    {
        var (keyPath, did, _) = await GenerateAsync("ed25519");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(Credential(did), "sign", "--key", keyPath, "--format", "jwt", "--suite", "eddsa-jcs-2022");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("eyJ", stdout, StringComparison.Ordinal);
        Assert.Contains("--suite goes with --format jsonld", stderr, StringComparison.Ordinal);
    }

    private static string Credential(string issuer) => $$$"""
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "id": "urn:uuid:6a9c92a9-2530-4e2b-9776-530467e9bbe0", "issuer": "{{{issuer}}}", "validFrom": "2026-01-01T00:00:00Z", "credentialSubject": {"id": "did:example:alice", "name": "Alice"}}
        """;

    private static async Task<DataIntegrityVerificationReport> VerifyDataIntegrityAsync(string signed)
    {
        var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver()));
        return await verifier.VerifyAsync(Encoding.UTF8.GetBytes(signed));
    }

    private string WriteCredential(string issuer)
    {
        var path = Path.Combine(_dir, "unsigned.json");
        File.WriteAllText(path, Credential(issuer));
        return path;
    }

    private async Task<(string Path, string Did, string? Method)> GenerateAsync(string type)
    {
        var path = Path.Combine(_dir, type + ".jwk");
        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "keys", "generate", "--type", type, "--out", path, "--json");
        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        return (path, report.RootElement.GetProperty("did").GetString() ?? "did:example:rsa", report.RootElement.GetProperty("verificationMethod").GetString());
    }
}
