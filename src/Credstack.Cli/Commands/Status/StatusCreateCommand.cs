// W3C Bitstring Status List v1.0 §2.2 (the list credential), §4.1 (generation) and §6 (the 131,072-entry
// minimum): creates a local list, all entries zero, and its signed list credential when a key is given.
using System.CommandLine;
using System.Text.Json;
using Credstack.Cli.Commands.Keys;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Status;

namespace Credstack.Cli.Commands.Status;

/// <summary>
/// <c>credstack status create --out STATE --purpose P --url URL [--issuer DID] [--size N] [--status-size N --messages 0x0=... ...]
/// [--key FILE [--suite S] [--verification-method ID] [--credential FILE]] [--force]</c>.
/// </summary>
internal static class StatusCreateCommand
{
    // The checker's default decode limit (16 MiB): a bigger list could be published but not read back by Credstack verifiers.
    private const long MaxBits = 16L * 1024 * 1024 * 8;

    public static Command Create(Option<bool> json)
    {
        var output = new Option<FileInfo>("--out") { Description = "The state file to create (bitstring, purpose, URL, allocated indexes, signing settings).", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "What a set entry means.", Required = true };
        purpose.AcceptOnlyFromAmong("revocation", "suspension", "refresh", "message");
        var url = new Option<string>("--url") { Description = "The URL the list credential will be published at (its id; what entries put in statusListCredential).", Required = true };
        var issuer = new Option<string?>("--issuer") { Description = "The issuer id (a DID or URL); default: the --key's did:key." };
        var size = new Option<int>("--size") { Description = $"Number of entries: a multiple of 8, at least {StatusList.MinimumLength:N0} (herd privacy).", DefaultValueFactory = _ => StatusList.MinimumLength };
        var statusSize = new Option<int>("--status-size") { Description = $"Bits per entry, 1 to {StatusList.MaximumStatusSize}; above 1, --messages must describe every value.", DefaultValueFactory = _ => 1 };
        var messages = new Option<string[]>("--messages") { Description = "The statusMessage items as VALUE=TEXT, e.g. 0x0=valid 0x1=pending 0x2=rejected.", AllowMultipleArgumentsPerToken = true };
        var key = new Option<FileInfo?>("--key") { Description = "A private JWK file: sign the list credential now and after every change (the state file records the key's path, not the key)." };
        var suite = new Option<string?>("--suite") { Description = "The Data Integrity cryptosuite (default eddsa-rdfc-2022 for Ed25519 keys, ecdsa-rdfc-2019 for P-256/P-384)." };
        suite.AcceptOnlyFromAmong([.. StatusListSigning.Suites.Keys]);
        var method = new Option<string?>("--verification-method") { Description = "The proof's verification method; default: the key's did:key method." };
        var credential = new Option<FileInfo?>("--credential") { Description = "Where to write the signed list credential (default: the state file name with .credential.json)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing state file. Its allocated indexes are forgotten, so indexes may be handed out twice." };

        var command = new Command("create", "Create a local status list: a state file and, with --key, the signed BitstringStatusListCredential.")
        {
            output, purpose, url, issuer, size, statusSize, messages, key, suite, method, credential, force,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(key) is null && (result.GetValue(suite) is not null || result.GetValue(method) is not null || result.GetValue(credential) is not null))
            {
                result.AddError("--suite, --verification-method and --credential go with --key.");
            }

            if (result.GetValue(key) is null && string.IsNullOrWhiteSpace(result.GetValue(issuer)))
            {
                result.AddError("--issuer is required without --key.");
            }
        });

        command.SetAction(parseResult =>
        {
            var cli = new CliOutput(parseResult, "status create", json);
            var statePath = parseResult.GetValue(output)!.FullName;
            if (File.Exists(statePath) && !parseResult.GetValue(force))
            {
                return cli.Fail(ExitCodes.InvalidInput, "output",
                    $"{statePath} already exists; refusing to replace a status list (its allocations would be lost and indexes reused). Use --force to replace it.");
            }

            if (!Uri.TryCreate(parseResult.GetValue(url), UriKind.Absolute, out var listUrl) || listUrl.Scheme is not ("https" or "http"))
            {
                return cli.Fail(ExitCodes.InvalidInput, "url", $"--url must be an absolute http(s) URL, not '{parseResult.GetValue(url)}'.");
            }

            var entries = parseResult.GetValue(size);
            var bits = parseResult.GetValue(statusSize);
            if (bits is < 1 or > StatusList.MaximumStatusSize)
            {
                return cli.Fail(ExitCodes.InvalidInput, "status-size", $"--status-size must be between 1 and {StatusList.MaximumStatusSize}, not {bits}.");
            }

            if (entries < StatusList.MinimumLength || entries % 8 != 0 || (long)entries * bits > MaxBits)
            {
                return cli.Fail(ExitCodes.InvalidInput, "size",
                    $"--size must be a multiple of 8 from {StatusList.MinimumLength:N0} (the spec's minimum) up to {MaxBits / bits:N0} entries of {bits} bit(s), not {entries:N0}.");
            }

            if (!StatusPurposeName.TryParse(parseResult.GetValue(purpose), out var statusPurpose))
            {
                return cli.Fail(ExitCodes.UsageError, "purpose", "--purpose must be revocation, suspension, refresh or message.");
            }

            var (statusMessages, messageError) = ParseMessages(parseResult.GetValue(messages) ?? [], listUrl.AbsoluteUri, statusPurpose, bits);
            if (statusMessages is null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "messages", messageError!);
            }

            StatusListSigning? signing = null;
            var issuerId = parseResult.GetValue(issuer);
            if (parseResult.GetValue(key) is { } keyFile)
            {
                var (signingKey, code, error) = KeyFile.Read(keyFile);
                if (signingKey is null)
                {
                    return cli.Fail(ExitCodes.InvalidInput, code!, error!);
                }

                using (signingKey)
                {
                    var verificationMethod = parseResult.GetValue(method) ?? KeyFile.DefaultVerificationMethod(signingKey.PublicKey);
                    if (verificationMethod is null)
                    {
                        return cli.Fail(ExitCodes.ProcessingFailed, "key", "Data Integrity cryptosuites sign with Ed25519, P-256 or P-384 keys, not RSA.");
                    }

                    var suiteName = parseResult.GetValue(suite)
                        ?? (signingKey.KeyType == Credstack.Credentials.Keys.KeyType.Ed25519 ? "eddsa-rdfc-2022" : "ecdsa-rdfc-2019");
                    issuerId ??= DidKey.CreateDid(signingKey.PublicKey);
                    var credentialPath = parseResult.GetValue(credential)?.FullName ?? DefaultCredentialPath(statePath);
                    signing = new StatusListSigning(keyFile.FullName, suiteName, verificationMethod, credentialPath);
                }
            }

            var state = new StatusListState
            {
                Url = listUrl.AbsoluteUri,
                Issuer = issuerId!,
                Purpose = statusPurpose,
                List = new StatusList(entries, bits),
                Allocator = new StatusListAllocator(entries),
                Messages = statusMessages,
                Signing = signing,
            };
            if (StatusCommand.Save(state, statePath, TimeProvider.System) is { } failure)
            {
                return cli.Fail(failure.ExitCode, failure.Code, failure.Message);
            }

            var text = $"Created the {StatusPurposeName.Format(statusPurpose)} list {state.Url} ({entries:N0} entries of {bits} bit(s)) in {statePath}"
                + (signing is null ? "; unsigned (no --key), publish nothing yet." : $"; signed list credential: {signing.CredentialPath}");
            if (cli.Json)
            {
                cli.Error.WriteLine(text);
                cli.WriteJsonLine(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("state", statePath);
                    writer.WriteString("url", state.Url);
                    writer.WriteString("purpose", StatusPurposeName.Format(statusPurpose));
                    writer.WriteNumber("length", entries);
                    writer.WriteNumber("statusSize", bits);
                    writer.WriteString("credential", signing?.CredentialPath);
                    writer.WriteEndObject();
                });
            }
            else
            {
                cli.Out.WriteLine(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>list.json</c> → <c>list.credential.json</c>, beside the state file.</summary>
    public static string DefaultCredentialPath(string statePath) =>
        Path.Combine(Path.GetDirectoryName(statePath)!, Path.GetFileNameWithoutExtension(statePath) + ".credential.json");

    private static (IReadOnlyList<StatusMessage>? Messages, string? Error) ParseMessages(string[] items, string url, StatusPurpose purpose, int statusSize)
    {
        if (items.Length == 0)
        {
            return purpose == StatusPurpose.Message || statusSize > 1
                ? (null, $"a {(statusSize > 1 ? $"{statusSize}-bit" : "message")} list needs --messages describing each value, e.g. --messages 0x0=valid 0x1=revoked")
                : ([], null);
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return (null, $"'{item}' is not VALUE=TEXT (for example 0x1=revoked)");
                }

                writer.WriteStartObject();
                writer.WriteString("status", item[..equals]);
                writer.WriteString("message", item[(equals + 1)..]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return StatusListState.ReadMessages(url, purpose, statusSize, document.RootElement);
    }
}
