using System.CommandLine;
using Credstack.JsonLd;
using Credstack.JsonLd.Contexts;

namespace Credstack.Cli.Commands;

/// <summary>The options every command that reads JSON-LD shares: batch mode, limits and where contexts may come from.</summary>
internal sealed class JsonLdInputOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print a JSON report on stdout (errors too); human text goes to stderr." };

    public Option<bool> JsonLines { get; } = new("--jsonl") { Description = "One JSON document per input line, one result per output line (an error object for a line that fails)." };

    public Option<string?> Base { get; } = new("--base") { Description = "The base IRI for relative IRIs in the document." };

    public Option<bool> Safe { get; } = new("--safe") { Description = "Safe mode: a term or type that would be dropped during expansion is an error." };

    public Option<FileInfo?> Documents { get; } = new("--documents") { Description = "A JSON object mapping URLs to local files: extra contexts served offline, beside the pinned ones." };

    public Option<string[]> AllowRemote { get; } = new("--allow-remote")
    {
        Description = "Allow fetching remote contexts under this URL prefix (HTTPS, timeout, size cap). Repeatable. Off by default.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<long> MaxInput { get; } = new("--max-input-bytes")
    {
        Description = "Refuse inputs larger than this many bytes.",
        DefaultValueFactory = _ => Canonicalization.InputReader.DefaultMaxBytes,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Json);
        command.Options.Add(JsonLines);
        command.Options.Add(Base);
        command.Options.Add(Safe);
        command.Options.Add(Documents);
        command.Options.Add(AllowRemote);
        command.Options.Add(MaxInput);
    }

    public bool IsJsonLines(ParseResult parseResult) => parseResult.GetValue(JsonLines);

    public long MaxInputBytes(ParseResult parseResult) => parseResult.GetValue(MaxInput);

    /// <summary>The JSON-LD options from the command line, or null after reporting a bad documents map.</summary>
    public JsonLdOptions? CreateOptions(ParseResult parseResult, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(output);
        var pinned = PinnedContextLoader.Default;
        if (parseResult.GetValue(Documents) is { } map)
        {
            if (!CliOutput.TryRun(() => pinned.WithDocumentMap(map.FullName), out var withMap, out var failure))
            {
                output.Fail(ExitCodes.InvalidInput, failure!.Value.Code, failure.Value.Message);
                return null;
            }

            pinned = withMap!;
        }

        IDocumentLoader loader = pinned;
        var prefixes = parseResult.GetValue(AllowRemote) ?? [];
        if (prefixes.Length > 0)
        {
            // The client is the process's; the loader checks every URL and redirect hop itself.
            var http = new HttpClient(HttpDocumentLoader.CreateHandler(), disposeHandler: true);
            loader = new CompositeDocumentLoader(pinned, new HttpDocumentLoader(http, new HttpDocumentLoaderOptions { AllowedPrefixes = prefixes }));
        }

        var maxInput = parseResult.GetValue(MaxInput);
        return JsonLdOptions.Default with
        {
            DocumentLoader = loader,
            Base = parseResult.GetValue(Base),
            SafeMode = parseResult.GetValue(Safe),
            MaxInputBytes = maxInput > int.MaxValue ? int.MaxValue : (int)maxInput,
        };
    }
}
