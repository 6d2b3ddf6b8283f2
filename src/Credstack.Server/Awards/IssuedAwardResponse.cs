using System.Text.Json;

namespace Credstack.Server.Awards;

/// <summary>The answer to issuing: the award and the signed credential (the exact bytes are served at its <c>id</c>).</summary>
internal sealed record IssuedAwardResponse(AwardResponse Award, JsonElement Credential);
