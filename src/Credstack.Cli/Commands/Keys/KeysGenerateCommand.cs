using System.CommandLine;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Cli.Commands.Keys;

/// <summary>
/// <c>credstack keys generate --type ed25519|p256|p384|rsa [--out FILE] [--force] [--json]</c>: writes a new private key as a
/// JWK file and prints its did:key and verification method (RSA: its JWK thumbprint). The private key is never printed.
/// </summary>
internal static class KeysGenerateCommand
{
    public const string DefaultFileName = "key.jwk";

    public static Command Create()
    {
        var type = new Option<string>("--type") { Description = "The key type.", DefaultValueFactory = _ => "ed25519" };
        type.AcceptOnlyFromAmong("ed25519", "p256", "p384", "rsa");
        var output = new Option<FileInfo?>("--out") { Description = $"Where to write the private JWK (default: {DefaultFileName} in the current directory)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the --out file if it exists." };
        var json = new Option<bool>("--json") { Description = "Print a JSON report on stdout (errors too); human text goes to stderr." };

        var command = new Command("generate", "Generate a signing key, write it as a private JWK file (owner-only), print its did:key.")
        {
            type, output, force, json,
        };
        command.SetAction(parseResult =>
        {
            var cli = new CliOutput(parseResult, "keys generate", json);
            var keyType = parseResult.GetValue(type) switch
            {
                "p256" => KeyType.P256,
                "p384" => KeyType.P384,
                "rsa" => KeyType.Rsa,
                _ => KeyType.Ed25519,
            };
            var path = (parseResult.GetValue(output)?.FullName) ?? Path.GetFullPath(DefaultFileName);
            return Run(keyType, path, parseResult.GetValue(force), cli);
        });
        return command;
    }

    private static int Run(KeyType keyType, string path, bool force, CliOutput cli)
    {
        if (!force && File.Exists(path))
        {
            return cli.Fail(ExitCodes.InvalidInput, "output", $"{path} already exists; refusing to overwrite a key file (use --force)");
        }

        using var key = SigningKey.Generate(keyType);
        var publicKey = key.PublicKey;
        var did = publicKey.SupportsMultikey ? DidKey.CreateDid(publicKey) : null;
        var verificationMethod = KeyFile.DefaultVerificationMethod(publicKey);
        var thumbprint = publicKey.ComputeJwkThumbprint();

        // kid lets other JOSE tools pick the key; for RSA (no did:key) the RFC 7638 thumbprint names it.
        var jwk = key.ExportPrivateJwk() with { Kid = verificationMethod ?? thumbprint };
        if (KeyFile.Write(path, jwk, force) is { } error)
        {
            return cli.Fail(ExitCodes.InvalidInput, "output", error);
        }

        if (cli.Json)
        {
            cli.WriteJsonLine(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("did", did);
                writer.WriteString("verificationMethod", verificationMethod);
                writer.WriteString("keyType", Name(keyType));
                if (publicKey.SupportsMultikey)
                {
                    writer.WriteString("publicKeyMultibase", publicKey.ExportPublicKeyMultibase());
                }
                else
                {
                    writer.WritePropertyName("publicJwk");
                    writer.WriteRawValue(publicKey.ExportJwk().ToJson());
                    writer.WriteString("jwkThumbprint", thumbprint);
                }

                writer.WriteString("file", path);
                writer.WriteEndObject();
            });
        }
        else
        {
            if (did is not null)
            {
                cli.Out.WriteLine(did);
                cli.Out.WriteLine(verificationMethod);
            }
            else
            {
                cli.Out.WriteLine($"jwk-thumbprint:{thumbprint}");
            }

            cli.Error.WriteLine($"credstack keys generate: wrote the private {Name(keyType)} key to {path}");
        }

        return ExitCodes.Success;
    }

    public static string Name(KeyType keyType) => keyType switch
    {
        KeyType.P256 => "p256",
        KeyType.P384 => "p384",
        KeyType.Rsa => "rsa",
        _ => "ed25519",
    };
}
