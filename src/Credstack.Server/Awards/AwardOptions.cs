namespace Credstack.Server.Awards;

/// <summary><c>Credstack:Awards</c>: issuance defaults and limits.</summary>
internal sealed class AwardOptions
{
    public const string Section = "Credstack:Awards";

    /// <summary>The Data Integrity cryptosuite used when a request names none.</summary>
    public string Cryptosuite { get; set; } = "eddsa-rdfc-2022";

    /// <summary>Most awards in one <c>POST /awards/batch</c>.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>How long a request with an Idempotency-Key waits for another request with the same key to finish before answering 409.</summary>
    public TimeSpan IdempotencyWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an e-mailed claim link works.</summary>
    public TimeSpan ClaimLinkLifetime { get; set; } = TimeSpan.FromDays(30);
}
