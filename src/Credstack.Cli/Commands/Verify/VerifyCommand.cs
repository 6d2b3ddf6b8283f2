using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Credstack.Cli.Commands.Canonicalization;
using Credstack.Credentials.Verification;

namespace Credstack.Cli.Commands.Verify;

/// <summary>
/// <c>credstack verify FILE... [--json] [--jsonl] [--documents MAP.json] [--now ISO-8601] [--recipient EMAIL|DID]
/// [--challenge C] [--domain D] [--unsigned-presentation warn|fail|skip]</c>: verifies credentials (JSON-LD with Data
/// Integrity proofs, VC-JWT / VC-JOSE, baked PNG/SVG, OB 2.0 assertions, CLR 2.0) and verifiable presentations, detected
/// by content, and lists every check. Nothing is fetched from the network: documents come from <c>--documents</c>.
/// Exit 0 when every input verifies, <see cref="ExitCodes.NotVerified"/> when one does not.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Credentials to verify (.json, .jwt, .png, .svg; the format is read from the content); standard input when absent or '-'.", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Print each report as JSON (one line per input, with its \"input\" name) instead of the check list." };
        var jsonLines = new Option<bool>("--jsonl") { Description = "One credential per input line (JSON, or a compact JWS), one JSON report per output line." };
        var documents = new Option<FileInfo?>("--documents") { Description = "A JSON map from URL to local file: did:web documents, issuer profiles, status lists, OB 2.0 documents, extra @contexts." };
        var now = new Option<string?>("--now") { Description = "Verify as of this instant (ISO 8601 with a time zone, e.g. 2026-01-01T00:00:00Z)." };
        var recipient = new Option<string?>("--recipient") { Description = "The expected recipient (an email address, a DID or a URL), matched against the subject id or its hashed identifiers." };
        var challenge = new Option<string?>("--challenge") { Description = "The challenge a presentation's proof must carry (the one you gave the holder)." };
        var domain = new Option<string?>("--domain") { Description = "The domain a presentation's proof must be for." };
        var unsigned = new Option<string>("--unsigned-presentation") { Description = "A presentation without a proof: warn (default; the holder is not authenticated), fail, or skip.", DefaultValueFactory = _ => "warn" };
        unsigned.AcceptOnlyFromAmong("warn", "fail", "skip");

        var command = new Command("verify", "Verify credentials and presentations and list every check: structure, proof, status, validity, recipient, endorsements, presented credentials.")
        {
            files, json, jsonLines, documents, now, recipient, challenge, domain, unsigned,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(now) is { } text && !TryParseInstant(text, out _))
            {
                result.AddError($"--now '{text}' is not an ISO 8601 date-time with a time zone.");
            }

            if (result.GetValue(json) && result.GetValue(jsonLines))
            {
                result.AddError("--json and --jsonl are alternatives: --jsonl already writes JSON.");
            }
        });

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var cli = new CliOutput(parseResult, "verify", json);
            var options = new CredentialVerifierOptions();
            if (parseResult.GetValue(documents) is { } mapFile)
            {
                if (!DocumentMap.TryLoad(mapFile.FullName, out var map, out var error))
                {
                    return cli.Fail(ExitCodes.InvalidInput, "documents", error);
                }

                options = options with { Documents = map, JsonLd = map.JsonLdOptions };
            }

            var request = new VerificationRequest
            {
                Now = parseResult.GetValue(now) is { } instant && TryParseInstant(instant, out var at) ? at : null,
                ExpectedRecipient = parseResult.GetValue(recipient),
                ExpectedChallenge = parseResult.GetValue(challenge),
                ExpectedDomain = parseResult.GetValue(domain),
                UnsignedPresentation = parseResult.GetValue(unsigned) switch
                {
                    "fail" => UnsignedPresentationPolicy.Fail,
                    "skip" => UnsignedPresentationPolicy.Skip,
                    _ => UnsignedPresentationPolicy.Warn,
                },
            };
            var verifier = new CredentialVerifier(options);
            var inputs = parseResult.GetValue(files) ?? [];
            return parseResult.GetValue(jsonLines)
                ? await RunLinesAsync(inputs, verifier, request, cli, cancellationToken).ConfigureAwait(false)
                : await RunFilesAsync(inputs, verifier, request, cli, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunFilesAsync(FileInfo[] files, CredentialVerifier verifier, VerificationRequest request, CliOutput cli, CancellationToken cancellationToken)
    {
        var exit = ExitCodes.Success;
        var inputs = files.Length == 0 ? new FileInfo?[] { null } : files.Cast<FileInfo?>().ToArray();
        foreach (var file in inputs)
        {
            var name = file is null || file.Name == "-" ? "-" : file.ToString();
            var (bytes, error) = InputReader.ReadAll(file, InputReader.DefaultMaxBytes);
            if (bytes is null)
            {
                cli.Fail(ExitCodes.InvalidInput, "input", $"{name}: {error}");
                exit = Math.Max(exit, ExitCodes.InvalidInput);
                continue;
            }

            var report = await verifier.VerifyAsync(bytes, request, cancellationToken).ConfigureAwait(false);
            if (!report.Verified)
            {
                exit = Math.Max(exit, ExitCodes.NotVerified);
            }

            if (cli.Json)
            {
                WriteReport(cli, report, name);
            }
            else
            {
                WriteHuman(cli.Out, name, report);
            }
        }

        return exit;
    }

    private static async Task<int> RunLinesAsync(FileInfo[] files, CredentialVerifier verifier, VerificationRequest request, CliOutput cli, CancellationToken cancellationToken)
    {
        var exit = ExitCodes.Success;
        var inputs = files.Length == 0 ? new FileInfo?[] { null } : files.Cast<FileInfo?>().ToArray();
        foreach (var file in inputs)
        {
            if (file is not null && file.Name != "-" && !file.Exists)
            {
                cli.Fail(ExitCodes.InvalidInput, "input", $"file not found: {file.FullName}");
                exit = Math.Max(exit, ExitCodes.InvalidInput);
                continue;
            }

            foreach (var line in InputReader.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var report = await verifier.VerifyAsync(Encoding.UTF8.GetBytes(line), request, cancellationToken).ConfigureAwait(false);
                if (!report.Verified)
                {
                    exit = Math.Max(exit, ExitCodes.NotVerified);
                }

                cli.WriteJsonLine(report.WriteTo);
            }
        }

        return exit;
    }

    private static void WriteReport(CliOutput cli, VerificationReport report, string input)
    {
        var node = JsonNode.Parse(report.ToUtf8Json())!.AsObject();
        node.Insert(0, "input", input);
        cli.WriteJsonLine(writer => node.WriteTo(writer));
    }

    private static void WriteHuman(TextWriter output, string name, VerificationReport report)
    {
        var summary = report.Credential;
        output.WriteLine($"{name}: {(report.Verified ? "VERIFIED" : "NOT VERIFIED")}");
        if (summary is { IsPresentation: true })
        {
            output.WriteLine($"  presentation by {summary.HolderId ?? "(no holder named)"} with {report.Embedded.Count(e => e.Relation == "verifiableCredential")} credential(s)");
        }
        else if (summary is not null)
        {
            var what = summary.AchievementName is { } achievement ? $"'{achievement}'" : "credential";
            output.WriteLine($"  {what} issued by {summary.IssuerName ?? summary.IssuerId ?? "(unknown issuer)"}{(summary.SubjectId is { } subject ? " to " + subject : "")}");
        }

        WriteChecks(output, report, "  ");
    }

    private static void WriteChecks(TextWriter output, VerificationReport report, string indent)
    {
        foreach (var check in report.Checks)
        {
            var mark = check.Status switch
            {
                CheckStatus.Passed => "✓",
                CheckStatus.Failed => "✗",
                CheckStatus.Warning => "!",
                _ => "-",
            };
            output.WriteLine($"{indent}{mark} {check.Code}{(check.Path is null ? "" : " " + check.Path)}: {check.Message}");
        }

        foreach (var embedded in report.Embedded)
        {
            output.WriteLine($"{indent}{embedded.Relation} {embedded.Path}: {(embedded.Report.Verified ? "verified" : "NOT VERIFIED")}");
            WriteChecks(output, embedded.Report, indent + "    ");
        }
    }

    private static bool TryParseInstant(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value)
        && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal));
}
