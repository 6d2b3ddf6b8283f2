// Open Badges 3.0 §B, DateTimeZ: emitted as yyyy-MM-ddTHH:mm:ssZ in UTC (whole seconds, the form of the
// spec examples); read from any ISO 8601 date-time, a missing zone being read as UTC (OB DateTime).
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

internal sealed class DateTimeZConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("A date-time must be a string.");
        return DerivedTypes.TryParseDateTime(text, requireZone: false, out var instant)
            ? instant
            : throw new JsonException($"'{text}' is not an ISO 8601 date-time such as 2024-01-31T09:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
