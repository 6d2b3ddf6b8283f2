using System.Text.Json.Serialization;

namespace Credstack.Credentials.Keys;

/// <summary>Source-generated System.Text.Json metadata for the key types (the library is AOT-compatible).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonWebKey))]
internal sealed partial class KeysJsonContext : JsonSerializerContext;
