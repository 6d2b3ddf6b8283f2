using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Credstack.Credentials.Model;

/// <summary>Reads typed models from UTF-8 JSON, turning malformed input into a <see cref="ParseResult{T}"/>.</summary>
internal static class ModelJson
{
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    public static ParseResult<T> Parse<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (utf8Json.Length > MaxDocumentBytes)
        {
            return ParseResult<T>.Failure($"The document is larger than {MaxDocumentBytes} bytes.");
        }

        try
        {
            var value = JsonSerializer.Deserialize(utf8Json, typeInfo);
            return value is null ? ParseResult<T>.Failure("The document is null.") : ParseResult<T>.Success(value);
        }
        catch (JsonException exception)
        {
            return ParseResult<T>.Failure($"The document is not a {typeof(T).Name}: {exception.Message}");
        }
    }
}
