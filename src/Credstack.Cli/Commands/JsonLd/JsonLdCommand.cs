using System.CommandLine;
using System.Text;
using System.Text.Json;
using Credstack.Cli.Commands.Canonicalization;
using Credstack.JsonLd;
using Credstack.JsonLd.Rdf;

namespace Credstack.Cli.Commands.JsonLd;

/// <summary><c>credstack jsonld expand|to-rdf [FILE]</c>: the JSON-LD 1.1 expansion and toRdf algorithms on one document or a batch.</summary>
internal static class JsonLdCommand
{
    public static Command Create()
    {
        var command = new Command("jsonld", "JSON-LD 1.1 processing: expansion and deserialization to RDF, with pinned contexts and no network by default.");
        command.Subcommands.Add(CreateSubcommand(
            "expand",
            "Print the expanded form of a JSON-LD document (JSON-LD 1.1 API §4.1).",
            (input, options) => JsonLdProcessor.Expand(input, options),
            (writer, expanded) => expanded.WriteTo(writer),
            (output, expanded) => output.WriteLine(expanded.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))));
        command.Subcommands.Add(CreateSubcommand(
            "to-rdf",
            "Print the RDF dataset of a JSON-LD document as N-Quads, in the order the toRdf algorithm produces (JSON-LD 1.1 API §8.2).",
            (input, options) => JsonLdProcessor.ToRdf(input, options),
            (writer, quads) => writer.WriteStringValue(NQuadsWriter.Write(quads)),
            (output, quads) => output.Write(NQuadsWriter.Write(quads))));
        return command;
    }

    private static Command CreateSubcommand<T>(
        string name,
        string description,
        Func<ReadOnlyMemory<byte>, JsonLdOptions, T> process,
        Action<Utf8JsonWriter, T> writeJsonLine,
        Action<TextWriter, T> writeText)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "The input file; standard input when absent or '-'.", Arity = ArgumentArity.ZeroOrOne };
        var shared = new JsonLdInputOptions();
        var command = new Command(name, description) { file };
        shared.AddTo(command);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult, "jsonld " + name, shared.Json);
            var options = shared.CreateOptions(parseResult, output);
            if (options is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (shared.IsJsonLines(parseResult))
            {
                var exit = ExitCodes.Success;
                var lineNumber = 0;
                foreach (var line in InputReader.ReadLines(parseResult.GetValue(file)))
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    if (CliOutput.TryRun(() => process(Encoding.UTF8.GetBytes(line), options), out var value, out var failure))
                    {
                        output.WriteJsonLine(writer => writeJsonLine(writer, value!));
                    }
                    else
                    {
                        output.WriteLineError(lineNumber, failure!.Value.Code, failure.Value.Message);
                        exit = Math.Max(exit, failure.Value.ExitCode);
                    }
                }

                return exit;
            }

            var (bytes, error) = InputReader.ReadAll(parseResult.GetValue(file), shared.MaxInputBytes(parseResult));
            if (bytes is null)
            {
                return output.Fail(ExitCodes.InvalidInput, "input", error!);
            }

            if (!CliOutput.TryRun(() => process(bytes, options), out var result, out var problem))
            {
                return output.Fail(problem!.Value.ExitCode, problem.Value.Code, problem.Value.Message);
            }

            writeText(output.Out, result!);
            return ExitCodes.Success;
        });
        return command;
    }
}
