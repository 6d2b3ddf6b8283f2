using System.Text.Json;

namespace Credstack.Cli.Tests.Log;

public sealed class LogCommandTests
{
    private const string Origin = "credstack.example/log";
    private const string Credential = "{\"id\":\"urn:uuid:42\",\"proof\":{}}";

    private static async Task<JsonElement> JsonOf(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, args);
        Assert.True(exit == 0, $"exit {exit}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static async Task InitAsync(string dir) => await JsonOf("log", "--dir", dir, "--json", "init", "--origin", Origin);

    private static string IssuedEntry(string credentialId, string digest) =>
        $"{{\"credentialDigest\":\"{digest}\",\"credentialId\":\"{credentialId}\",\"issuer\":\"did:web:example.edu\",\"loggedAt\":\"2026-11-22T10:00:00Z\",\"type\":\"credentialIssued\"}}";

    private static string DigestOf(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Raw_appends_of_the_certificate_transparency_test_leaves_give_the_published_tree_head()
    {
        using var temp = new LogTestDirectory();
        await InitAsync(temp.Log);
        byte[][] leaves = [[], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43], [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57], [.. Enumerable.Range(0x60, 16).Select(b => (byte)b)]];
        var files = leaves.Select((leaf, i) => temp.File($"leaf{i}", leaf)).ToArray();
        await JsonOf(["log", "--dir", temp.Log, "--json", "append", "--raw", .. files]);
        var head = await JsonOf("log", "--dir", temp.Log, "checkpoint", "--json");
        Assert.Equal(8, head.GetProperty("size").GetInt64());
        Assert.Equal("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", head.GetProperty("rootHash").GetString());
        Assert.StartsWith(Origin + "\n8\n", head.GetProperty("checkpoint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_is_proved_and_verified_offline_and_a_tampered_bundle_is_refused()
    {
        using var temp = new LogTestDirectory();
        await InitAsync(temp.Log);
        var entries = Enumerable.Range(0, 5).Select(i => temp.File($"e{i}.json", IssuedEntry($"urn:uuid:{40 + i}", i == 2 ? DigestOf(Credential) : new string('0', 64)) + "\n")).ToArray();
        await JsonOf(["log", "--dir", temp.Log, "--json", "append", .. entries]);
        await JsonOf("log", "--dir", temp.Log, "--json", "checkpoint");

        var (exit, bundle, stderr) = await CliRunner.RunAsync(null, "log", "--dir", temp.Log, "prove", "--credential-id", "urn:uuid:42");
        Assert.True(exit == 0, stderr);
        Assert.Equal(2, JsonDocument.Parse(bundle).RootElement.GetProperty("leafIndex").GetInt64());
        var bundleFile = temp.File("bundle.json", bundle);
        var credentialFile = temp.File("credential.json", Credential);

        var verified = await JsonOf("log", "--dir", temp.Log, "--json", "verify-inclusion", "--bundle", bundleFile, "--credential", credentialFile);
        Assert.True(verified.GetProperty("verifies").GetBoolean());

        var vkey = File.ReadAllText(Path.Combine(temp.Log, "log.vkey")).Trim();
        var tampered = temp.File("tampered.json", bundle.Replace("\"leafIndex\":2", "\"leafIndex\":3", StringComparison.Ordinal));
        var (badExit, badOut, _) = await CliRunner.RunAsync(null, "log", "--json", "verify-inclusion", "--bundle", tampered, "--vkey", vkey);
        Assert.Equal(5, badExit);
        var reason = JsonDocument.Parse(badOut).RootElement.GetProperty("reason").GetString();
        Assert.Contains("does not verify because", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_inclusion_counts_cosignatures_only_from_the_configured_witnesses()
    {
        using var temp = new LogTestDirectory();
        await InitAsync(temp.Log);
        await JsonOf("log", "--dir", temp.Log, "--json", "append", "--raw", temp.File("a", "a"), temp.File("b", "b"));
        await JsonOf("log", "--dir", temp.Log, "--json", "checkpoint");

        // A witness cosigns the saved checkpoint (the library's cosigner; the CLI has no cosign command).
        var time = new FixedTime(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var witness = new Ledger.Notes.CosignatureSigner("witness.example/w", Enumerable.Repeat((byte)7, 32).ToArray(), Commands.Log.CredentialsEd25519.Instance, time);
        var checkpointPath = Path.Combine(temp.Log, "checkpoint");
        var note = Ledger.Notes.SignedNote.Parse(File.ReadAllText(checkpointPath)).Value!;
        File.WriteAllText(checkpointPath, note.AddSignatures(witness).ToString());
        var (_, bundle, _) = await CliRunner.RunAsync(null, "log", "--dir", temp.Log, "prove", "--index", "1");
        var bundleFile = temp.File("bundle.json", bundle);

        var witnessKey = witness.Key.ToVerifierKey();
        var ok = await JsonOf("log", "--dir", temp.Log, "--json", "verify-inclusion", "--bundle", bundleFile, "--witness", witnessKey, "--quorum", "1");
        Assert.True(ok.GetProperty("verifies").GetBoolean());

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "log", "--dir", temp.Log, "--json", "verify-inclusion", "--bundle", bundleFile, "--quorum", "1");
        Assert.Equal(5, exit);
        Assert.Contains("1 are required", JsonDocument.Parse(stdout).RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Consistency_between_two_checkpoints_of_a_growing_log_verifies()
    {
        using var temp = new LogTestDirectory();
        await InitAsync(temp.Log);
        await JsonOf("log", "--dir", temp.Log, "--json", "append", "--raw", temp.File("a", "a"), temp.File("b", "b"), temp.File("c", "c"));
        var old = temp.File("old", (await JsonOf("log", "--dir", temp.Log, "--json", "checkpoint")).GetProperty("checkpoint").GetString()!);
        await JsonOf("log", "--dir", temp.Log, "--json", "append", "--raw", temp.File("d", "d"), temp.File("e", "e"));
        var @new = temp.File("new", (await JsonOf("log", "--dir", temp.Log, "--json", "checkpoint")).GetProperty("checkpoint").GetString()!);

        var result = await JsonOf("log", "--dir", temp.Log, "--json", "verify-consistency", "--old", old, "--new", @new);
        Assert.True(result.GetProperty("verifies").GetBoolean());
        Assert.Equal(3, result.GetProperty("firstSize").GetInt64());
        var monitor = await JsonOf("log", "--dir", temp.Log, "--json", "monitor", old, @new);
        Assert.Equal("consistent", monitor.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Monitor_reports_a_split_view_between_two_forks_signed_with_the_same_key()
    {
        using var temp = new LogTestDirectory();
        await InitAsync(temp.Log);
        await JsonOf("log", "--dir", temp.Log, "--json", "append", "--raw", temp.File("a", "a"), temp.File("b", "b"));
        var fork = Path.Combine(temp.Root, "fork");
        Directory.CreateDirectory(fork);
        foreach (var file in Directory.GetFiles(temp.Log))
        {
            File.Copy(file, Path.Combine(fork, Path.GetFileName(file)));
        }

        await JsonOf("log", "--dir", temp.Log, "--json", "append", "--raw", temp.File("honest", "honest"));
        await JsonOf("log", "--dir", fork, "--json", "append", "--raw", temp.File("evil", "evil"));
        var a = temp.File("a.cp", (await JsonOf("log", "--dir", temp.Log, "--json", "checkpoint")).GetProperty("checkpoint").GetString()!);
        var b = temp.File("b.cp", (await JsonOf("log", "--dir", fork, "--json", "checkpoint")).GetProperty("checkpoint").GetString()!);
        var vkey = File.ReadAllText(Path.Combine(temp.Log, "log.vkey")).Trim();

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "log", "--json", "monitor", a, b, "--vkey", vkey);
        Assert.Equal(5, exit);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("inconsistent", report.GetProperty("status").GetString());
        Assert.Contains("split view", report.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_lists_the_issuer_keys_valid_at_a_time_from_the_logged_key_events()
    {
        using var temp = new LogTestDirectory();
        await InitAsync(temp.Log);
        var added = temp.File("k1.json", "{\"issuer\":\"did:web:a\",\"keyId\":\"did:web:a#k1\",\"loggedAt\":\"2026-01-01T00:00:00Z\",\"publicKeyMultibase\":\"z1\",\"type\":\"issuerKeyAdded\"}");
        var rotated = temp.File("k2.json", "{\"issuer\":\"did:web:a\",\"keyId\":\"did:web:a#k2\",\"loggedAt\":\"2026-02-01T00:00:00Z\",\"previousKeyId\":\"did:web:a#k1\",\"publicKeyMultibase\":\"z2\",\"type\":\"issuerKeyRotated\"}");
        await JsonOf("log", "--dir", temp.Log, "--json", "append", added, rotated);
        var january = await JsonOf("log", "--dir", temp.Log, "--json", "monitor", "--issuer", "did:web:a", "--at", "2026-01-15T00:00:00Z");
        Assert.Equal(["did:web:a#k1"], january.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("keyId").GetString()));
        var march = await JsonOf("log", "--dir", temp.Log, "--json", "monitor", "--issuer", "did:web:a", "--at", "2026-03-01T00:00:00Z");
        Assert.Equal(["did:web:a#k2"], march.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("keyId").GetString()));
    }

    [Fact]
    public async Task Bad_input_gets_a_named_exit_code_and_a_reason_on_stderr()
    {
        using var temp = new LogTestDirectory();
        var (noDir, _, noDirError) = await CliRunner.RunAsync(null, "log", "checkpoint");
        Assert.Equal(2, noDir);
        Assert.Contains("--dir", noDirError, StringComparison.Ordinal);

        var (notInit, _, notInitError) = await CliRunner.RunAsync(null, "log", "--dir", temp.Log, "checkpoint");
        Assert.Equal(3, notInit);
        Assert.Contains("run init first", notInitError, StringComparison.Ordinal);

        await InitAsync(temp.Log);
        var (twice, _, _) = await CliRunner.RunAsync(null, "log", "--dir", temp.Log, "init", "--origin", Origin);
        Assert.Equal(4, twice);

        var (notCanonical, _, notCanonicalError) = await CliRunner.RunAsync(null, "log", "--dir", temp.Log, "append", temp.File("x.json", "{ \"type\": \"credentialIssued\" }"));
        Assert.Equal(3, notCanonical);
        Assert.Contains("--raw", notCanonicalError, StringComparison.Ordinal);

        var garbage = temp.File("garbage.cp", "not a checkpoint");
        var (badCheckpoint, _, badCheckpointError) = await CliRunner.RunAsync(null, "log", "--dir", temp.Log, "verify-consistency", "--old", garbage, "--new", garbage);
        Assert.Equal(5, badCheckpoint);
        Assert.Contains("does not verify because", badCheckpointError, StringComparison.Ordinal);
    }
}
