using System.Text.Json.Serialization;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>Open Badges 3.0 §B (Imsx_CodeMinorField): one code minor status code and the system that reported it.</summary>
internal sealed record ImsxCodeMinorField(
    [property: JsonPropertyName("imsx_codeMinorFieldName")] string Name,
    [property: JsonPropertyName("imsx_codeMinorFieldValue")] string Value);
