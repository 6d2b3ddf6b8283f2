namespace Credstack.Server.Awards;

/// <summary>The answer to a batch, the same for every retry with its Idempotency-Key.</summary>
internal sealed record BatchAwardResponse(string IdempotencyKey, int Issued, int Failed, IReadOnlyList<BatchAwardResult> Results);
