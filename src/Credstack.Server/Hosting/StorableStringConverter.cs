using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Server.Hosting;

/// <summary>
/// Binds JSON strings of request bodies, refusing one that holds a NUL character (<see cref="RequestText"/>): the binder
/// turns the <see cref="JsonException"/> into the 400 <c>malformed-request</c> problem, before any handler runs.
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string, found {reader.TokenType}.");
        }

        var value = reader.GetString();
        return RequestText.IsStorable(value) ? value : throw new JsonException(RequestText.NulMessage);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
