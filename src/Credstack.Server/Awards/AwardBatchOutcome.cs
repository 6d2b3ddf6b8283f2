namespace Credstack.Server.Awards;

/// <summary>What a batch request came to: its response (new or stored), or a refusal of its Idempotency-Key.</summary>
internal sealed record AwardBatchOutcome(BatchAwardResponse? Response, bool IsKeyReused, bool IsInProgress)
{
    public static AwardBatchOutcome Done(BatchAwardResponse response) => new(response, false, false);

    /// <summary>The key was used with a different body (422).</summary>
    public static AwardBatchOutcome KeyReused() => new(null, true, false);

    /// <summary>A request with the key is still issuing (409; retry later).</summary>
    public static AwardBatchOutcome InProgress() => new(null, false, true);
}
