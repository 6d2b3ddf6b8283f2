// W3C Bitstring Status List v1.0 §3.1 "Validate Algorithm", offline: the status list credentials come
// from local files, and each must carry a proof that verifies (did:key) unless it is built from a local
// state file, which is trusted because it is the issuer's own.
using System.CommandLine;
using System.Text.Json;
using Credstack.Cli.Commands.Canonicalization;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Status;

namespace Credstack.Cli.Commands.Status;

/// <summary>
/// <c>credstack status check CREDENTIAL (--documents MAP.json | --list FILE...)</c>: prints, for each <c>credentialStatus</c>
/// entry, ok / revoked / suspended / status unknown (with the reason). Exit 0 ok, 5 revoked or suspended, 4 status unknown.
/// </summary>
internal static class StatusCheckCommand
{
    public static Command Create(Option<bool> json)
    {
        var file = new Argument<FileInfo?>("CREDENTIAL") { Description = "The credential (JSON) whose credentialStatus to check; standard input when absent or '-'.", Arity = ArgumentArity.ZeroOrOne };
        var documents = new Option<FileInfo?>("--documents") { Description = "A JSON object mapping status list URLs to local files (paths relative to the map)." };
        var lists = new Option<FileInfo[]>("--list") { Description = "A status list credential file (served at its id) or a state file (trusted, unsigned). Repeatable.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("check", "Check a credential's credentialStatus against local status lists: ok, revoked, suspended or status unknown.")
        {
            file, documents, lists,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(documents) is null && (result.GetValue(lists) ?? []).Length == 0)
            {
                result.AddError("Give the status lists with --documents MAP.json or --list FILE.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var cli = new CliOutput(parseResult, "status check", json);
            var (bytes, readError) = InputReader.ReadAll(parseResult.GetValue(file), InputReader.DefaultMaxBytes);
            if (bytes is null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "input", readError!);
            }

            var served = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var trusted = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
            var loadError = parseResult.GetValue(documents) is { } map ? LoadMap(map, served) : null;
            foreach (var list in parseResult.GetValue(lists) ?? [])
            {
                loadError ??= LoadList(list, served, trusted);
            }

            if (loadError is not null)
            {
                return cli.Fail(ExitCodes.InvalidInput, "documents", loadError);
            }

            JsonDocument credential;
            try
            {
                credential = JsonDocument.Parse(Utf8Text.WithoutBom(bytes), new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException e)
            {
                return cli.Fail(ExitCodes.InvalidInput, "input", "the credential is not JSON: " + e.Message);
            }

            using (credential)
            {
                if (credential.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return cli.Fail(ExitCodes.InvalidInput, "input", "the credential is not a JSON object.");
                }

                var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver()));
                StatusListProofVerifier proofVerifier = async (list, content, token) =>
                {
                    if (served.TryGetValue(IdOf(list) ?? "", out var source) && trusted.Contains(source))
                    {
                        return StatusListProofResult.Valid;
                    }

                    var report = await verifier.VerifyAsync(content, cancellationToken: token).ConfigureAwait(false);
                    return report.Succeeded ? StatusListProofResult.Valid : StatusListProofResult.Invalid(report.ToString());
                };
                var checker = new StatusListChecker(new LocalStatusListFetcher(served), proofVerifier, TimeProvider.System);
                var results = await checker.CheckCredentialAsync(credential.RootElement, cancellationToken).ConfigureAwait(false);
                return Report(results, cli);
            }
        });
        return command;
    }

    private static int Report(IReadOnlyList<StatusCheckResult> results, CliOutput cli)
    {
        var exit = results.Any(r => r.Outcome is StatusCheckOutcome.Revoked or StatusCheckOutcome.Suspended) ? ExitCodes.CheckFailed
            : results.Any(r => r.Outcome == StatusCheckOutcome.StatusUnknown) ? ExitCodes.ProcessingFailed
            : ExitCodes.Success;
        var overall = exit switch
        {
            ExitCodes.CheckFailed => results.Any(r => r.Outcome == StatusCheckOutcome.Revoked) ? "revoked" : "suspended",
            ExitCodes.ProcessingFailed => "status-unknown",
            _ => "ok",
        };
        var lines = results.Count == 0
            ? ["ok: the credential has no credentialStatus"]
            : results.Select(Line).ToList();
        if (cli.Json)
        {
            foreach (var line in lines)
            {
                cli.Error.WriteLine(line);
            }

            cli.WriteJsonLine(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("outcome", overall);
                writer.WriteStartArray("entries");
                foreach (var result in results)
                {
                    writer.WriteStartObject();
                    writer.WriteString("outcome", OutcomeName(result.Outcome));
                    writer.WriteString("type", result.EntryType);
                    writer.WriteString("purpose", result.Purpose is { } p ? StatusPurposeName.Format(p) : null);
                    writer.WriteString("statusListCredential", result.StatusListCredential);
                    if (result.StatusListIndex is { } index)
                    {
                        writer.WriteNumber("statusListIndex", index);
                    }

                    if (result.Value is { } value)
                    {
                        writer.WriteNumber("value", value);
                    }

                    writer.WriteString("message", result.Message?.Message);
                    writer.WriteString("problem", result.Problem?.ToString());
                    writer.WriteString("reason", result.Reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }
        else
        {
            foreach (var line in lines)
            {
                cli.Out.WriteLine(line);
            }
        }

        return exit;
    }

    private static string Line(StatusCheckResult result)
    {
        var where = $"{(result.Purpose is { } p ? StatusPurposeName.Format(p) : result.EntryType ?? "credentialStatus")} entry {result.StatusListIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} of {result.StatusListCredential ?? "(no list)"}";
        return result.Outcome switch
        {
            StatusCheckOutcome.Valid => $"ok: {where}",
            StatusCheckOutcome.Revoked => $"revoked: {where}" + (result.Reason is { } reason ? $" ({reason})" : ""),
            StatusCheckOutcome.Suspended => $"suspended: {where}",
            StatusCheckOutcome.RefreshRequested => $"refresh requested: {where}",
            StatusCheckOutcome.Message => $"message 0x{result.Value:x}: {result.Message?.Message ?? "(no statusMessage)"}: {where}",
            _ => $"status unknown: {where}: {result.Problem}: {result.Reason}",
        };
    }

    private static string OutcomeName(StatusCheckOutcome outcome) => outcome switch
    {
        StatusCheckOutcome.Valid => "ok",
        StatusCheckOutcome.Revoked => "revoked",
        StatusCheckOutcome.Suspended => "suspended",
        StatusCheckOutcome.RefreshRequested => "refresh",
        StatusCheckOutcome.Message => "message",
        _ => "status-unknown",
    };

    private static string? IdOf(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static string? LoadMap(FileInfo map, Dictionary<string, byte[]> served)
    {
        if (!map.Exists)
        {
            return $"documents map not found: {map.FullName}";
        }

        try
        {
            using var document = JsonDocument.Parse(Utf8Text.WithoutBom(File.ReadAllBytes(map.FullName)));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"{map.FullName} must be a JSON object mapping URLs to file paths";
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Value.ValueKind != JsonValueKind.String)
                {
                    return $"{map.FullName}: the value for {member.Name} must be a file path";
                }

                var path = Path.GetFullPath(member.Value.GetString()!, map.DirectoryName!);
                if (!File.Exists(path))
                {
                    return $"{map.FullName}: {member.Name} maps to {path}, which does not exist";
                }

                served[member.Name] = Utf8Text.WithoutBom(File.ReadAllBytes(path)).ToArray();
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"{map.FullName} is not JSON: {e.Message}";
        }
    }

    private static string? LoadList(FileInfo list, Dictionary<string, byte[]> served, HashSet<byte[]> trusted)
    {
        if (!list.Exists)
        {
            return $"status list file not found: {list.FullName}";
        }

        var bytes = Utf8Text.WithoutBom(File.ReadAllBytes(list.FullName)).ToArray();
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (StatusListState.IsStateDocument(document.RootElement))
            {
                var (state, error) = StatusListState.FromJson(document.RootElement, list.DirectoryName!);
                if (state is null)
                {
                    return $"{list.FullName} is not a valid status list state file: {error}";
                }

                var built = state.BuildCredential(TimeProvider.System);
                served[state.Url] = built;
                trusted.Add(built);
                return null;
            }

            if (IdOf(document.RootElement) is not { } id)
            {
                return $"{list.FullName} has no \"id\": a status list credential is served at its id";
            }

            served[id] = bytes;
            return null;
        }
        catch (JsonException e)
        {
            return $"{list.FullName} is not JSON: {e.Message}";
        }
    }
}
