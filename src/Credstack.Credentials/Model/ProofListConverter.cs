// VC Data Model 2.0 §4.12 / Data Integrity §2.1: `proof` is one proof object or a set of them. Proofs are
// kept as the exact JSON received (never rebuilt) and always written as an array, the OB 3.0 schema shape.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

internal sealed class ProofListConverter : JsonConverter<IReadOnlyList<JsonElement>>
{
    public override IReadOnlyList<JsonElement> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Object => [root.Clone()],
            JsonValueKind.Array => root.EnumerateArray().Select(proof => proof.ValueKind == JsonValueKind.Object
                ? proof.Clone()
                : throw new JsonException("Each proof must be a JSON object.")).ToArray(),
            _ => throw new JsonException("'proof' must be an object or an array of objects."),
        };
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<JsonElement> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var proof in value)
        {
            writer.WriteRawValue(proof.GetRawText(), skipInputValidation: true);
        }

        writer.WriteEndArray();
    }
}
