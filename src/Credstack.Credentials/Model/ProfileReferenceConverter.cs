// Open Badges 3.0 §B: `issuer` is a Profile or the URI of one (ProfileRef). A Profile without `type` can
// only have come from a bare URI (a Profile object must have type "Profile"), so it is written back as one.
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Credstack.Credentials.Model;

internal sealed class ProfileReferenceConverter : JsonConverter<Profile>
{
    public override Profile? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Profile { Id = reader.GetString()!, Type = [] };
        }

        return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<Profile>)options.GetTypeInfo(typeof(Profile)));
    }

    public override void Write(Utf8JsonWriter writer, Profile value, JsonSerializerOptions options)
    {
        if (value.Type.Count == 0)
        {
            writer.WriteStringValue(value.Id);
            return;
        }

        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<Profile>)options.GetTypeInfo(typeof(Profile)));
    }
}
