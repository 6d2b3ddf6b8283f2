// RFC 6749 §5.1 (successful access token response), as Open Badges 3.0 §7.1.2.4 shows it.
using System.Text.Json.Serialization;

namespace Credstack.Server.OAuth;

/// <summary>The token endpoint's answer.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken,
    [property: JsonPropertyName("scope")] string Scope);
