using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Entries;

namespace Credstack.Ledger.Proofs;

/// <summary>The result of checking a <see cref="ProofBundle"/>.</summary>
/// <param name="Verdict">Whether the bundle verifies, and why not.</param>
/// <param name="Checkpoint">The verified checkpoint, when its signature verified.</param>
/// <param name="Entry">The typed entry, when the bundle verifies and its leaf is a typed entry (null for raw leaves).</param>
public sealed record ProofBundleVerification(Verdict Verdict, Checkpoint? Checkpoint, LogEntry? Entry);
