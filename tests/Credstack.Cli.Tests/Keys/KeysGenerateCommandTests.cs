using System.Text.Json;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Cli.Tests.Keys;

public sealed class KeysGenerateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("credstack-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("ed25519", KeyType.Ed25519)]
    [InlineData("p256", KeyType.P256)]
    [InlineData("p384", KeyType.P384)]
    public async Task Generate_writes_a_private_JWK_whose_did_key_is_the_one_printed(string type, KeyType expected)
    {
        var path = Path.Combine(_dir, "k.jwk");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "keys", "generate", "--type", type, "--out", path);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var key = JsonWebKey.Parse(File.ReadAllText(path)).Key!.ToSigningKey().Key!;
        Assert.Equal(expected, key.KeyType);
        Assert.Equal(DidKey.CreateDid(key.PublicKey), lines[0]);
        Assert.Equal(DidKey.VerificationMethodId(key.PublicKey), lines[1]);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_never_prints_the_private_key()
    {
        var path = Path.Combine(_dir, "k.jwk");

        var (_, stdout, stderr) = await CliRunner.RunAsync(null, "keys", "generate", "--out", path, "--json");

        var d = JsonWebKey.Parse(File.ReadAllText(path)).Key!.D!;
        Assert.DoesNotContain(d, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(d, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_makes_the_key_file_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_dir, "k.jwk");

        var (exit, _, _) = await CliRunner.RunAsync(null, "keys", "generate", "--out", path);

        Assert.Equal(0, exit);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Generate_refuses_to_overwrite_an_existing_file_without_force()
    {
        var path = Path.Combine(_dir, "k.jwk");
        await File.WriteAllTextAsync(path, "precious");

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "keys", "generate", "--out", path);

        Assert.Equal(3, exit);
        Assert.Empty(stdout);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Generate_with_force_replaces_the_file_and_keeps_it_owner_only()
    {
        var path = Path.Combine(_dir, "k.jwk");
        await File.WriteAllTextAsync(path, "old");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        }

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "keys", "generate", "--out", path, "--force");

        Assert.Equal(0, exit);
        using var key = JsonWebKey.Parse(File.ReadAllText(path)).Key!.ToSigningKey().Key!;
        Assert.StartsWith(DidKey.CreateDid(key.PublicKey), stdout, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Json_reports_did_method_type_multibase_and_file()
    {
        var path = Path.Combine(_dir, "k.jwk");

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "keys", "generate", "--type", "p256", "--out", path, "--json");

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        var multibase = root.GetProperty("publicKeyMultibase").GetString();
        Assert.StartsWith("zDn", multibase, StringComparison.Ordinal);
        Assert.Equal("did:key:" + multibase, root.GetProperty("did").GetString());
        Assert.Equal($"did:key:{multibase}#{multibase}", root.GetProperty("verificationMethod").GetString());
        Assert.Equal("p256", root.GetProperty("keyType").GetString());
        Assert.Equal(path, root.GetProperty("file").GetString());
        Assert.False(root.TryGetProperty("publicJwk", out _));
    }

    [Fact]
    public async Task Rsa_has_no_did_key_so_json_gives_the_public_JWK_and_its_thumbprint()
    {
        var path = Path.Combine(_dir, "rsa.jwk");

        var (exit, stdout, _) = await CliRunner.RunAsync(null, "keys", "generate", "--type", "rsa", "--out", path, "--json");

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        using var key = JsonWebKey.Parse(File.ReadAllText(path)).Key!.ToSigningKey().Key!;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("did").ValueKind);
        Assert.Equal("rsa", root.GetProperty("keyType").GetString());
        Assert.Equal("RSA", root.GetProperty("publicJwk").GetProperty("kty").GetString());
        Assert.False(root.GetProperty("publicJwk").TryGetProperty("d", out _));
        Assert.Equal(key.PublicKey.ComputeJwkThumbprint(), root.GetProperty("jwkThumbprint").GetString());
    }

    [Fact]
    public async Task An_unknown_key_type_is_refused_by_the_parser()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(null, "keys", "generate", "--type", "secp256k1", "--out", Path.Combine(_dir, "k.jwk"));

        // A command line that does not parse is a usage error (ExitCodes.UsageError).
        Assert.Equal(2, exit);
        Assert.Contains("secp256k1", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "k.jwk")));
    }
}
