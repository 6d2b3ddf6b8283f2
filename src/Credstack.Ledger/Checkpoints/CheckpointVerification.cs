using Credstack.Ledger.Notes;

namespace Credstack.Ledger.Checkpoints;

/// <summary>The result of verifying a signed checkpoint.</summary>
/// <param name="Verdict">Whether it verifies, and why not.</param>
/// <param name="Checkpoint">The parsed checkpoint, when it verifies.</param>
/// <param name="Note">The parsed note, when it could be parsed.</param>
/// <param name="Witnesses">The configured witnesses whose cosignatures verified, with their timestamps.</param>
public sealed record CheckpointVerification(Verdict Verdict, Checkpoint? Checkpoint, SignedNote? Note, IReadOnlyList<WitnessCosignature> Witnesses)
{
    internal static CheckpointVerification Fail(string reason, SignedNote? note = null) => new(Verdict.Fail(reason), null, note, []);
}
