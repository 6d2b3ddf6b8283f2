using System.Text.Json.Serialization;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>Open Badges 3.0 §B (Imsx_CodeMinor): the code minor status codes of a response.</summary>
internal sealed record ImsxCodeMinor([property: JsonPropertyName("imsx_codeMinorField")] IReadOnlyList<ImsxCodeMinorField> Fields);
