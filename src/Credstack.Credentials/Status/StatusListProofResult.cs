// Outcome of a StatusListProofVerifier (W3C Bitstring Status List v1.0, §3.2 STATUS_VERIFICATION_ERROR).
namespace Credstack.Credentials.Status;

/// <summary>Whether a status list credential's proof verified, and if not, why.</summary>
/// <param name="IsValid">True when the proof verified.</param>
/// <param name="Reason">Why it did not; null when valid.</param>
public sealed record StatusListProofResult(bool IsValid, string? Reason)
{
    /// <summary>The proof verified.</summary>
    public static StatusListProofResult Valid { get; } = new(true, null);

    /// <summary>The proof did not verify, for <paramref name="reason"/>.</summary>
    public static StatusListProofResult Invalid(string reason) => new(false, reason);
}
