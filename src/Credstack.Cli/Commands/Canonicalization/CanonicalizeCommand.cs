using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using Credstack.JsonLd.Canonicalization;

namespace Credstack.Cli.Commands.Canonicalization;

/// <summary>
/// <c>credstack canonicalize [FILE] --jcs | --rdfc [--from-nquads]</c>: prints the canonical form
/// (RFC 8785 JCS, or RDFC-1.0 N-Quads) or, with <c>--hash</c>, its hash.
/// </summary>
internal static class CanonicalizeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "The input file; standard input when absent or '-'.", Arity = ArgumentArity.ZeroOrOne };
        var jcs = new Option<bool>("--jcs") { Description = "JSON → JSON Canonicalization Scheme (RFC 8785)." };
        var rdfc = new Option<bool>("--rdfc") { Description = "JSON-LD → RDFC-1.0 canonical N-Quads (expand, toRdf, canonicalize)." };
        var fromNQuads = new Option<bool>("--from-nquads") { Description = "With --rdfc: the input is N-Quads rather than JSON-LD." };
        var rdfcHash = new Option<string>("--rdfc-hash") { Description = "The hash RDFC-1.0 uses internally.", DefaultValueFactory = _ => "sha256" };
        rdfcHash.AcceptOnlyFromAmong("sha256", "sha384");
        var hash = new Option<string?>("--hash") { Description = "Print the hash (lowercase hex) of the canonical form instead of the form." };
        hash.AcceptOnlyFromAmong("sha256", "sha384");
        var shared = new JsonLdInputOptions();

        var command = new Command("canonicalize", "Print the canonical form of a JSON (JCS) or JSON-LD / N-Quads (RDFC-1.0) document.")
        {
            file, jcs, rdfc, fromNQuads, rdfcHash, hash,
        };
        shared.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(jcs) == result.GetValue(rdfc))
            {
                result.AddError("Choose exactly one of --jcs or --rdfc.");
            }
            else if (result.GetValue(fromNQuads) && !result.GetValue(rdfc))
            {
                result.AddError("--from-nquads goes with --rdfc.");
            }
        });

        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult, "canonicalize", shared.Json);
            var options = shared.CreateOptions(parseResult, output);
            if (options is null)
            {
                return ExitCodes.InvalidInput;
            }

            var canonicalizer = new RdfCanonicalizer(new RdfCanonicalizerOptions
            {
                HashAlgorithm = parseResult.GetValue(rdfcHash) == "sha384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256,
            });
            var useJcs = parseResult.GetValue(jcs);
            var nquads = parseResult.GetValue(fromNQuads);
            var hashName = parseResult.GetValue(hash);
            Func<ReadOnlyMemory<byte>, CanonicalForm> process = useJcs
                ? input => CanonicalForm.Jcs(input.Span, hashName)
                : input => CanonicalForm.Rdfc(input, nquads, canonicalizer, options, hashName);

            return shared.IsJsonLines(parseResult)
                ? RunLines(parseResult.GetValue(file), process, output)
                : RunOne(parseResult.GetValue(file), shared.MaxInputBytes(parseResult), process, output);
        });
        return command;
    }

    private static int RunOne(FileInfo? file, long maxBytes, Func<ReadOnlyMemory<byte>, CanonicalForm> process, CliOutput output)
    {
        var (bytes, error) = InputReader.ReadAll(file, maxBytes);
        if (bytes is null)
        {
            return output.Fail(ExitCodes.InvalidInput, "input", error!);
        }

        if (!CliOutput.TryRun(() => process(bytes), out var form, out var failure))
        {
            return output.Fail(failure!.Value.ExitCode, failure.Value.Code, failure.Value.Message);
        }

        if (output.Json)
        {
            output.WriteJsonLine(form!.WriteJson);
        }
        else if (form!.HashHex is not null)
        {
            output.Out.WriteLine(form.HashHex);
        }
        else
        {
            // Canonical forms are written exactly: JCS has no trailing newline, N-Quads end in one.
            output.Out.Write(Encoding.UTF8.GetString(form.Canonical));
        }

        return ExitCodes.Success;
    }

    private static int RunLines(FileInfo? file, Func<ReadOnlyMemory<byte>, CanonicalForm> process, CliOutput output)
    {
        var exit = ExitCodes.Success;
        var lineNumber = 0;
        foreach (var line in InputReader.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!CliOutput.TryRun(() => process(Encoding.UTF8.GetBytes(line)), out var form, out var failure))
            {
                output.WriteLineError(lineNumber, failure!.Value.Code, failure.Value.Message);
                exit = Math.Max(exit, failure.Value.ExitCode);
                continue;
            }

            output.WriteJsonLine(writer =>
            {
                if (output.Json)
                {
                    form!.WriteJson(writer);
                }
                else if (form!.HashHex is not null)
                {
                    writer.WriteStringValue(form.HashHex);
                }
                else if (form.Format == "jcs")
                {
                    writer.WriteRawValue(form.Canonical, skipInputValidation: true);
                }
                else
                {
                    writer.WriteStringValue(form.Canonical.AsSpan());
                }
            });
        }

        return exit;
    }
}
