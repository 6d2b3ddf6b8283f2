using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Dids;

/// <summary>
/// Reads <c>@context</c> (a string, or an array of strings and inline context objects) into a list. Inline
/// objects are kept as their JSON text and written back verbatim; no context URL starts with '{', so the two never mix up.
/// </summary>
internal sealed class ContextConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return [ReadObject(ref reader)];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("@context is a string, an object or an array.");
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.StartObject => ReadObject(ref reader),
                _ => throw new JsonException("@context entries are strings or objects."),
            });
        }

        return values;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (item.StartsWith('{'))
            {
                writer.WriteRawValue(item);
            }
            else
            {
                writer.WriteStringValue(item);
            }
        }

        writer.WriteEndArray();
    }

    private static string ReadObject(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }
}
