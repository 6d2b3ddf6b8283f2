using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>
/// Source-generated System.Text.Json metadata for the OB 3.0 / CLR 2.0 model: camelCase names, no nulls,
/// compact output. <see cref="Relaxed"/> is the instance to use: it writes non-ASCII text as UTF-8 rather
/// than \u escapes (the JSON stays valid; names in any script stay readable in stored credentials).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(AchievementCredential))]
[JsonSerializable(typeof(EndorsementCredential))]
[JsonSerializable(typeof(ClrCredential))]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(Achievement))]
internal sealed partial class OpenBadgesJsonContext : JsonSerializerContext
{
    public static OpenBadgesJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
