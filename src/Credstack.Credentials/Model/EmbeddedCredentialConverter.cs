using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>Reads an embedded credential as a JSON object and writes its original text verbatim.</summary>
internal sealed class EmbeddedCredentialConverter : JsonConverter<EmbeddedCredential>
{
    public override EmbeddedCredential Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? EmbeddedCredential.FromJson(document.RootElement)
            : throw new JsonException("An embedded credential must be a JSON object.");
    }

    public override void Write(Utf8JsonWriter writer, EmbeddedCredential value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
}
