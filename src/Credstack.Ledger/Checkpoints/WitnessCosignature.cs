namespace Credstack.Ledger.Checkpoints;

/// <summary>A verified witness cosignature: who cosigned and when (POSIX seconds).</summary>
/// <param name="Witness">The witness key name.</param>
/// <param name="Timestamp">The cosignature's timestamp, in seconds since the Unix epoch.</param>
public sealed record WitnessCosignature(string Witness, long Timestamp);
