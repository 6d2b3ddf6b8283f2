namespace Credstack.Server.Awards;

/// <summary><c>POST /api/v1/orgs/{orgId}/awards/batch</c> with an <c>Idempotency-Key</c> header.</summary>
internal sealed record BatchAwardRequest(IReadOnlyList<AwardRequest>? Items);
