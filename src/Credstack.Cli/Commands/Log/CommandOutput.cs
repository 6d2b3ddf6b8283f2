using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace Credstack.Cli.Commands.Log;

/// <summary>Writes a log command's result: JSON on stdout with <c>--json</c>, text otherwise; problems always to stderr.</summary>
internal sealed class CommandOutput(ParseResult parseResult, LogOptions options)
{
    private readonly TextWriter _out = parseResult.InvocationConfiguration.Output;
    private readonly TextWriter _error = parseResult.InvocationConfiguration.Error;

    public bool Json { get; } = parseResult.GetValue(options.Json);

    /// <summary>Writes the result: <paramref name="json"/> members as a JSON object, or <paramref name="text"/>.</summary>
    public void Result(string text, params (string Name, object? Value)[] json)
    {
        if (Json)
        {
            _out.WriteLine(ToJson(json));
        }
        else
        {
            _out.WriteLine(text);
        }
    }

    /// <summary>Reports a problem on stderr and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        _error.WriteLine($"credstack log: {message}");
        return exitCode;
    }

    private static string ToJson((string Name, object? Value)[] members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IEnumerable<(string Name, object? Value)> members:
                writer.WriteStartObject();
                foreach (var (name, member) in members)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, member);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }
}
