using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Merkle;

namespace Credstack.Ledger.Monitoring;

/// <summary>A monitor's finding about two checkpoints, with what it rests on.</summary>
/// <param name="Status">Consistent, inconsistent (with evidence) or unproven.</param>
/// <param name="Explanation">A sentence saying why.</param>
/// <param name="First">The checkpoint of the smaller (or equal) tree.</param>
/// <param name="Second">The checkpoint of the larger tree.</param>
/// <param name="Proof">The consistency proof the finding rests on, if any.</param>
public sealed record ConsistencyReport(ConsistencyStatus Status, string Explanation, Checkpoint First, Checkpoint Second, ConsistencyProof? Proof);
