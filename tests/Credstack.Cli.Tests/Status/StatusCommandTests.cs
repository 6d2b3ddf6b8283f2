using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;

namespace Credstack.Cli.Tests.Status;

public sealed class StatusCommandTests : IDisposable
{
    private const string Url = "https://example.org/status/1";

    private readonly string _dir = Directory.CreateTempSubdirectory("credstack-status-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StatePath => Path.Combine(_dir, "list.json");

    private string CredentialPath => Path.Combine(_dir, "list.credential.json");

    [Fact]
    public async Task Create_with_a_key_writes_a_state_file_and_a_signed_list_credential_that_verifies()
    {
        var key = await GenerateKeyAsync();

        var (exit, stdout, stderr) = await Run("status", "create", "--out", StatePath, "--purpose", "revocation", "--url", Url, "--key", key);

        Assert.True(exit == 0, stderr);
        Assert.Contains("list.credential.json", stdout, StringComparison.Ordinal);
        var credential = await File.ReadAllBytesAsync(CredentialPath);
        var report = await new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver())).VerifyAsync(credential);
        Assert.True(report.Succeeded, report.ToString());
        using var document = JsonDocument.Parse(credential);
        Assert.Equal(Url, document.RootElement.GetProperty("id").GetString());
        Assert.Equal("BitstringStatusListCredential", document.RootElement.GetProperty("type")[1].GetString());
        Assert.Equal("revocation", document.RootElement.GetProperty("credentialSubject").GetProperty("statusPurpose").GetString());
        using var state = JsonDocument.Parse(await File.ReadAllBytesAsync(StatePath));
        Assert.Equal("credstack-status-list/1", state.RootElement.GetProperty("format").GetString());
        Assert.Equal(131_072, state.RootElement.GetProperty("length").GetInt32());
        Assert.Equal("k.jwk", state.RootElement.GetProperty("signing").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Allocate_prints_a_bitstring_entry_and_never_hands_out_an_index_twice()
    {
        await CreateAsync("suspension");
        var seen = new HashSet<long>();

        for (var i = 0; i < 40; i++)
        {
            var (exit, stdout, stderr) = await Run("status", "allocate", "--state", StatePath);
            Assert.True(exit == 0, stderr);
            using var entry = JsonDocument.Parse(stdout);
            var index = long.Parse(entry.RootElement.GetProperty("statusListIndex").GetString()!, CultureInfo.InvariantCulture);
            Assert.True(seen.Add(index), $"index {index} was handed out twice");
            Assert.InRange(index, 0, 131_071);
            Assert.Equal("BitstringStatusListEntry", entry.RootElement.GetProperty("type").GetString());
            Assert.Equal("suspension", entry.RootElement.GetProperty("statusPurpose").GetString());
            Assert.Equal(Url, entry.RootElement.GetProperty("statusListCredential").GetString());
        }

        using var state = JsonDocument.Parse(await File.ReadAllBytesAsync(StatePath));
        Assert.Equal(40, state.RootElement.GetProperty("allocatedCount").GetInt32());
    }

    [Fact]
    public async Task A_revoked_entry_is_reported_revoked_with_exit_code_5_and_an_untouched_one_ok()
    {
        await CreateAsync("revocation");
        var revoked = await AllocateAsync();
        var untouched = await AllocateAsync();

        var (setExit, _, setError) = await Run("status", "set", Index(revoked), "--state", StatePath);
        var revokedCheck = await Run("status", "check", WriteCredential(revoked), "--list", CredentialPath);
        var okCheck = await Run("status", "check", WriteCredential(untouched), "--list", CredentialPath);

        Assert.True(setExit == 0, setError);
        Assert.Equal(5, revokedCheck.ExitCode);
        Assert.StartsWith("revoked: revocation entry " + Index(revoked), revokedCheck.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, okCheck.ExitCode);
        Assert.StartsWith("ok: revocation entry " + Index(untouched), okCheck.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspension_can_be_lifted_and_the_re_signed_list_says_so()
    {
        await CreateAsync("suspension");
        var entry = await AllocateAsync();
        var credential = WriteCredential(entry);

        await Run("status", "set", Index(entry), "--state", StatePath);
        var suspended = await Run("status", "check", credential, "--list", CredentialPath, "--json");
        var (clearExit, _, clearError) = await Run("status", "clear", Index(entry), "--state", StatePath);
        var lifted = await Run("status", "check", credential, "--list", CredentialPath, "--json");

        Assert.Equal(5, suspended.ExitCode);
        Assert.Equal("suspended", JsonNode.Parse(suspended.Stdout)!["outcome"]!.GetValue<string>());
        Assert.True(clearExit == 0, clearError);
        Assert.Equal(0, lifted.ExitCode);
        Assert.Equal("ok", JsonNode.Parse(lifted.Stdout)!["entries"]![0]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revocation_is_permanent_so_clear_is_refused_and_the_files_stay_as_they_were()
    {
        await CreateAsync("revocation");
        var entry = await AllocateAsync();
        await Run("status", "set", Index(entry), "--state", StatePath);
        var stateBefore = await File.ReadAllBytesAsync(StatePath);
        var credentialBefore = await File.ReadAllBytesAsync(CredentialPath);

        var (exit, _, stderr) = await Run("status", "clear", Index(entry), "--state", StatePath);

        Assert.Equal(4, exit);
        Assert.Contains("revocation-permanent", stderr, StringComparison.Ordinal);
        Assert.Equal(stateBefore, await File.ReadAllBytesAsync(StatePath));
        Assert.Equal(credentialBefore, await File.ReadAllBytesAsync(CredentialPath));
    }

    [Fact]
    public async Task A_message_list_stores_a_value_and_check_prints_its_message()
    {
        var key = await GenerateKeyAsync();
        var (createExit, _, createError) = await Run("status", "create", "--out", StatePath, "--purpose", "message", "--url", Url, "--key", key,
            "--status-size", "2", "--messages", "0x0=pending", "0x1=accepted", "0x2=rejected", "0x3=undefined");
        Assert.True(createExit == 0, createError);
        var entry = await AllocateAsync();
        Assert.Equal(2, entry["statusSize"]!.GetValue<int>());
        Assert.Equal(4, entry["statusMessage"]!.AsArray().Count);

        var (setExit, _, setError) = await Run("status", "set", Index(entry), "--state", StatePath, "--value", "2");
        var check = await Run("status", "check", WriteCredential(entry), "--list", CredentialPath);

        Assert.True(setExit == 0, setError);
        Assert.Equal(0, check.ExitCode);
        Assert.StartsWith("message 0x2: rejected", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multi_bit_list_without_messages_for_every_value_is_refused()
    {
        var (exit, _, stderr) = await Run("status", "create", "--out", StatePath, "--purpose", "message", "--url", Url, "--issuer", "did:example:issuer",
            "--status-size", "2", "--messages", "0x0=pending", "0x1=accepted");

        Assert.Equal(3, exit);
        Assert.Contains("statusMessage must describe all 4 values", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public async Task A_list_missing_from_the_documents_map_gives_status_unknown_with_exit_code_4()
    {
        await CreateAsync("revocation");
        var entry = await AllocateAsync();
        var map = Path.Combine(_dir, "map.json");
        await File.WriteAllTextAsync(map, """{"https://example.org/status/other": "list.credential.json"}""");

        var (exit, stdout, _) = await Run("status", "check", WriteCredential(entry), "--documents", map);

        Assert.Equal(4, exit);
        Assert.StartsWith("status unknown:", stdout, StringComparison.Ordinal);
        Assert.Contains("FetchFailed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_documents_map_serves_list_credentials_from_paths_relative_to_the_map()
    {
        await CreateAsync("revocation");
        var entry = await AllocateAsync();
        await Run("status", "set", Index(entry), "--state", StatePath);
        var map = Path.Combine(_dir, "map.json");
        await File.WriteAllTextAsync(map, $$"""{"{{Url}}": "list.credential.json"}""");

        var (exit, stdout, _) = await Run("status", "check", WriteCredential(entry), "--documents", map);

        Assert.Equal(5, exit);
        Assert.StartsWith("revoked:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_credential_whose_bits_were_changed_after_signing_gives_status_unknown()
    {
        await CreateAsync("revocation");
        var entry = await AllocateAsync();
        var forged = Path.Combine(_dir, "forged.json");
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(CredentialPath))!;
        credential["credentialSubject"]!["statusPurpose"] = "suspension";
        await File.WriteAllTextAsync(forged, credential.ToJsonString());

        var (exit, stdout, _) = await Run("status", "check", WriteCredential(entry), "--list", forged);

        Assert.Equal(4, exit);
        Assert.Contains("ListProofInvalid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_list_is_checked_through_its_state_file()
    {
        var (createExit, stdout, createError) = await Run("status", "create", "--out", StatePath, "--purpose", "suspension", "--url", Url, "--issuer", "did:example:issuer");
        Assert.True(createExit == 0, createError);
        Assert.Contains("unsigned", stdout, StringComparison.Ordinal);
        var entry = await AllocateAsync();

        var before = await Run("status", "check", WriteCredential(entry), "--list", StatePath);
        await Run("status", "set", Index(entry), "--state", StatePath);
        var after = await Run("status", "check", WriteCredential(entry), "--list", StatePath);

        Assert.Equal(0, before.ExitCode);
        Assert.Equal(5, after.ExitCode);
        Assert.StartsWith("suspended:", after.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(CredentialPath));
    }

    [Fact]
    public async Task A_credential_without_credentialStatus_is_ok()
    {
        await CreateAsync("revocation");
        var path = Path.Combine(_dir, "plain.json");
        await File.WriteAllTextAsync(path, """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}""");

        var (exit, stdout, _) = await Run("status", "check", path, "--list", CredentialPath);

        Assert.Equal(0, exit);
        Assert.StartsWith("ok: the credential has no credentialStatus", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("131072", "index-out-of-range")]
    [InlineData("99999999999", "index-out-of-range")]
    [InlineData("7", "index-not-allocated")]
    public async Task Set_refuses_an_index_outside_the_list_or_never_allocated_and_changes_nothing(string index, string code)
    {
        await CreateAsync("revocation");
        var before = await File.ReadAllBytesAsync(StatePath);

        var (exit, _, stderr) = await Run("status", "set", index, "--state", StatePath);

        Assert.Equal(3, exit);
        Assert.Contains(code, stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(StatePath));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    public async Task Set_with_an_index_that_is_not_an_integer_is_a_usage_error(string index)
    {
        await CreateAsync("revocation");

        var (exit, _, _) = await Run("status", "set", index, "--state", StatePath);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Set_refuses_a_value_that_does_not_fit_the_status_size()
    {
        await CreateAsync("suspension");
        var entry = await AllocateAsync();

        var (exit, _, stderr) = await Run("status", "set", Index(entry), "--state", StatePath, "--value", "2");

        Assert.Equal(3, exit);
        Assert.Contains("value-out-of-range", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"format":"credstack-status-list/1","url":"https://example.org/status/1"}""")]
    [InlineData("""{"format":"something-else/1"}""")]
    [InlineData("[1,2,3]")]
    public async Task A_corrupt_state_file_is_a_clear_input_error_and_is_left_alone(string content)
    {
        await File.WriteAllTextAsync(StatePath, content);

        var (exit, _, stderr) = await Run("status", "allocate", "--state", StatePath);

        Assert.Equal(3, exit);
        Assert.Contains("not a valid status list state file", stderr, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(StatePath));
    }

    [Fact]
    public async Task A_state_file_whose_bitstring_was_truncated_is_reported_not_used()
    {
        await CreateAsync("revocation");
        var state = JsonNode.Parse(await File.ReadAllTextAsync(StatePath))!;
        var encoded = state["encodedList"]!.GetValue<string>();
        state["encodedList"] = encoded[..(encoded.Length / 2)];
        await File.WriteAllTextAsync(StatePath, state.ToJsonString());

        var (exit, _, stderr) = await Run("status", "allocate", "--state", StatePath);

        Assert.Equal(3, exit);
        Assert.Contains("\"encodedList\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_key_file_is_gone_set_fails_before_writing_anything()
    {
        var key = await CreateAsync("suspension");
        var entry = await AllocateAsync();
        var stateBefore = await File.ReadAllBytesAsync(StatePath);
        var credentialBefore = await File.ReadAllBytesAsync(CredentialPath);
        File.Delete(key);

        var (exit, _, stderr) = await Run("status", "set", Index(entry), "--state", StatePath);

        Assert.Equal(3, exit);
        Assert.Contains("key file not found", stderr, StringComparison.Ordinal);
        Assert.Equal(stateBefore, await File.ReadAllBytesAsync(StatePath));
        Assert.Equal(credentialBefore, await File.ReadAllBytesAsync(CredentialPath));
        Assert.DoesNotContain(Directory.GetFiles(_dir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_refuses_to_replace_an_existing_list_without_force()
    {
        await CreateAsync("revocation");
        await AllocateAsync();
        var before = await File.ReadAllBytesAsync(StatePath);

        var (exit, _, stderr) = await Run("status", "create", "--out", StatePath, "--purpose", "revocation", "--url", Url, "--issuer", "did:example:issuer");

        Assert.Equal(3, exit);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(StatePath));
    }

    [Theory]
    [InlineData("131071")]
    [InlineData("131073")]
    [InlineData("1000")]
    public async Task Create_refuses_a_size_below_the_minimum_or_not_a_multiple_of_8(string size)
    {
        var (exit, _, stderr) = await Run("status", "create", "--out", StatePath, "--purpose", "revocation", "--url", Url, "--issuer", "did:example:issuer", "--size", size);

        Assert.Equal(3, exit);
        Assert.Contains("--size", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public async Task Create_without_key_or_issuer_is_a_usage_error()
    {
        var (exit, _, stderr) = await Run("status", "create", "--out", StatePath, "--purpose", "revocation", "--url", Url);

        Assert.Equal(2, exit);
        Assert.Contains("--issuer", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_larger_list_keeps_its_size_through_allocate_and_set()
    {
        var key = await GenerateKeyAsync();
        await Run("status", "create", "--out", StatePath, "--purpose", "revocation", "--url", Url, "--key", key, "--size", "262144");
        var entry = await AllocateAsync();

        var (exit, _, stderr) = await Run("status", "set", Index(entry), "--state", StatePath);
        var check = await Run("status", "check", WriteCredential(entry), "--list", CredentialPath);

        Assert.True(exit == 0, stderr);
        Assert.Equal(5, check.ExitCode);
        using var state = JsonDocument.Parse(await File.ReadAllBytesAsync(StatePath));
        Assert.Equal(262_144, state.RootElement.GetProperty("length").GetInt32());
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args) => CliRunner.RunAsync(null, args);

    private static string Index(JsonNode entry) => entry["statusListIndex"]!.GetValue<string>();

    private async Task<string> GenerateKeyAsync()
    {
        var path = Path.Combine(_dir, "k.jwk");
        var (exit, _, stderr) = await Run("keys", "generate", "--out", path);
        Assert.True(exit == 0, stderr);
        return path;
    }

    private async Task<string> CreateAsync(string purpose)
    {
        var key = await GenerateKeyAsync();
        var (exit, _, stderr) = await Run("status", "create", "--out", StatePath, "--purpose", purpose, "--url", Url, "--key", key);
        Assert.True(exit == 0, stderr);
        return key;
    }

    private async Task<JsonNode> AllocateAsync()
    {
        var (exit, stdout, stderr) = await Run("status", "allocate", "--state", StatePath);
        Assert.True(exit == 0, stderr);
        return JsonNode.Parse(stdout)!;
    }

    private string WriteCredential(JsonNode entry)
    {
        var path = Path.Combine(_dir, "credential-" + Index(entry) + ".json");
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "urn:uuid:" + Guid.NewGuid(),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = "did:example:issuer",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:subject" },
            ["credentialStatus"] = entry.DeepClone(),
        };
        File.WriteAllText(path, credential.ToJsonString(), Encoding.UTF8);
        return path;
    }
}
