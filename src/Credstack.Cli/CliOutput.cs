using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Credstack.JsonLd;
using Credstack.JsonLd.Rdf;

namespace Credstack.Cli;

/// <summary>
/// Where a command writes: results on stdout (JSON with <c>--json</c>), human problems on stderr.
/// Also maps the libraries' bad-input exceptions to named exit codes, in one place.
/// </summary>
internal sealed class CliOutput
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output goes to terminals and files, never into HTML: keep '<', '>' and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _command;

    public CliOutput(ParseResult parseResult, string command, Option<bool>? json = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        Out = parseResult.InvocationConfiguration.Output;
        Error = parseResult.InvocationConfiguration.Error;
        Json = json is not null && parseResult.GetValue(json);
        _command = command;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public bool Json { get; }

    /// <summary>A failure: its exit code, a stable code (a JSON-LD error code, or "input") and a sentence.</summary>
    public readonly record struct Failure(int ExitCode, string Code, string Message);

    /// <summary>Reports a problem on stderr (and as a JSON object on stdout with <c>--json</c>) and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string code, string message)
    {
        Error.WriteLine($"credstack {_command}: {code}: {message}");
        if (Json)
        {
            WriteJsonLine(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("code", code);
                writer.WriteString("message", message);
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
        }

        return exitCode;
    }

    /// <summary>For <c>--jsonl</c>: an error object in place of the line's result, so output lines stay aligned with input lines.</summary>
    public void WriteLineError(int line, string code, string message)
    {
        Error.WriteLine($"credstack {_command}: line {line}: {code}: {message}");
        WriteJsonLine(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteNumber("line", line);
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>Writes one JSON value and a newline to stdout.</summary>
    public void WriteJsonLine(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// Runs one unit of work, turning the libraries' documented bad-input exceptions into a
    /// <see cref="Failure"/>. Anything else is a bug and propagates to the top-level handler.
    /// </summary>
    public static bool TryRun<T>(Func<T> work, out T? result, out Failure? failure)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            result = work();
            failure = null;
            return true;
        }
        catch (JsonLdException e) when (e.Code == JsonLdErrorCode.InvalidJson)
        {
            failure = new Failure(ExitCodes.InvalidInput, e.Code, e.Message);
        }
        catch (JsonLdException e)
        {
            failure = new Failure(ExitCodes.ProcessingFailed, e.Code, e.Message);
        }
        catch (NQuadsSyntaxException e)
        {
            failure = new Failure(ExitCodes.InvalidInput, "invalid N-Quads", e.Message);
        }
        catch (JsonException e)
        {
            failure = new Failure(ExitCodes.InvalidInput, JsonLdErrorCode.InvalidJson, e.Message);
        }

        result = default;
        return false;
    }
}
