// Open Badges 3.0 §B (endorsement), CLR 2.0 ClrSubject.verifiableCredential: credentials embedded in
// another document are signed documents in their own right. They are held as the exact JSON received
// and written back byte for byte; rebuilding them from typed records could change what was signed.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>A signed credential embedded in another one (an endorsement, a CLR component), kept as its exact JSON.</summary>
[JsonConverter(typeof(EmbeddedCredentialConverter))]
public sealed record EmbeddedCredential
{
    private EmbeddedCredential(JsonElement json) => Json = json;

    /// <summary>The credential as received (an independent clone, safe to keep).</summary>
    public JsonElement Json { get; }

    /// <summary>The credential's <c>id</c>, when it has a string one.</summary>
    public string? Id => Json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>The credential's <c>type</c> values (a single string is read as one value).</summary>
    public IReadOnlyList<string> Type => Json.TryGetProperty("type", out var type)
        ? type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToArray(),
            _ => [],
        }
        : [];

    /// <summary>Wraps a JSON object (cloned, so the caller may dispose its document).</summary>
    /// <exception cref="ArgumentException">The element is not a JSON object.</exception>
    public static EmbeddedCredential FromJson(JsonElement credential) => credential.ValueKind == JsonValueKind.Object
        ? new(credential.Clone())
        : throw new ArgumentException("An embedded credential must be a JSON object.", nameof(credential));

    /// <summary>Parses the exact bytes of a signed credential (e.g. as stored after signing).</summary>
    /// <exception cref="JsonException">The bytes are not JSON.</exception>
    /// <exception cref="ArgumentException">The JSON is not an object.</exception>
    public static EmbeddedCredential FromUtf8(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        return FromJson(document.RootElement);
    }

    /// <summary>The credential's JSON text exactly as received.</summary>
    public string GetRawText() => Json.GetRawText();

    /// <inheritdoc/>
    public bool Equals(EmbeddedCredential? other) => other is not null && string.Equals(GetRawText(), other.GetRawText(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(GetRawText());
}
