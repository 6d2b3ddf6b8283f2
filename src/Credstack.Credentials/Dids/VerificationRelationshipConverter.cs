using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Dids;

/// <summary>Reads and writes a verification relationship array whose entries are id strings or embedded methods.</summary>
internal sealed class VerificationRelationshipConverter : JsonConverter<IReadOnlyList<VerificationMethodReference>>
{
    public override IReadOnlyList<VerificationMethodReference> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A verification relationship is an array.");
        }

        var entries = new List<VerificationMethodReference>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            entries.Add(reader.TokenType switch
            {
                JsonTokenType.String => new VerificationMethodReference(reader.GetString()!),
                JsonTokenType.StartObject => new VerificationMethodReference(
                    JsonSerializer.Deserialize(ref reader, DidsJsonContext.Default.VerificationMethod)
                    ?? throw new JsonException("An embedded verification method is an object.")),
                _ => throw new JsonException("A verification relationship entry is a string or an object."),
            });
        }

        return entries;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<VerificationMethodReference> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var entry in value)
        {
            if (entry.Embedded is { } embedded)
            {
                JsonSerializer.Serialize(writer, embedded, DidsJsonContext.Default.VerificationMethod);
            }
            else
            {
                writer.WriteStringValue(entry.Id);
            }
        }

        writer.WriteEndArray();
    }
}
