using System.Security.Cryptography;
using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Merkle;

namespace Credstack.Ledger.Monitoring;

/// <summary>
/// Compares checkpoints of one log, possibly seen by different parties. Both checkpoints must
/// already have been verified against the log's key (<see cref="CheckpointVerifier"/>): then two
/// different roots for one size, or a larger tree that the log cannot prove extends a smaller one,
/// are evidence of a split view or a rewritten history signed by the log itself.
/// </summary>
public static class LogMonitor
{
    /// <summary>Compares two verified checkpoints, using <paramref name="proof"/> (obtained from the log) when their sizes differ.</summary>
    public static ConsistencyReport Compare(Checkpoint a, Checkpoint b, ConsistencyProof? proof = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (first, second) = a.Size <= b.Size ? (a, b) : (b, a);
        if (first.Origin != second.Origin)
        {
            return new(ConsistencyStatus.Unproven, $"the checkpoints are of different logs ('{first.Origin}' and '{second.Origin}')", first, second, proof);
        }

        if (first.Size == second.Size)
        {
            return CryptographicOperations.FixedTimeEquals(first.RootHash, second.RootHash)
                ? new(ConsistencyStatus.Consistent, $"both checkpoints describe the same tree of size {first.Size}", first, second, null)
                : new(ConsistencyStatus.Inconsistent, $"split view: the log signed two different root hashes for size {first.Size}", first, second, null);
        }

        if (first.Size == 0)
        {
            return CryptographicOperations.FixedTimeEquals(first.RootHash, MerkleHash.EmptyTree())
                ? new(ConsistencyStatus.Consistent, "the empty tree is a prefix of every tree", first, second, null)
                : new(ConsistencyStatus.Inconsistent, "the log signed a non-empty root hash for the empty tree", first, second, null);
        }

        if (proof is null)
        {
            return new(ConsistencyStatus.Unproven, $"a consistency proof from size {first.Size} to {second.Size} is needed and none was given", first, second, null);
        }

        if (proof.FirstSize != first.Size || proof.SecondSize != second.Size)
        {
            return new(ConsistencyStatus.Unproven, $"the consistency proof is for sizes {proof.FirstSize} to {proof.SecondSize}, not {first.Size} to {second.Size}", first, second, proof);
        }

        var verdict = ProofVerifier.VerifyConsistency(proof, first.RootHash, second.RootHash);
        return verdict.Verifies
            ? new(ConsistencyStatus.Consistent, $"the tree of size {first.Size} is a prefix of the tree of size {second.Size}", first, second, proof)
            : new(ConsistencyStatus.Inconsistent, $"the log's proof fails: {verdict.Reason}; the tree of size {second.Size} does not extend the tree of size {first.Size} (split view or rewritten history)", first, second, proof);
    }

    /// <summary>Compares two checkpoints using a copy of the log (a mirror or the log itself) for the proof, and checks that copy agrees with both checkpoints.</summary>
    public static ConsistencyReport Compare(Checkpoint a, Checkpoint b, INodeHashSource log)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (first, second) = a.Size <= b.Size ? (a, b) : (b, a);
        if (first.Origin == second.Origin && first.Size != second.Size && first.Size > 0)
        {
            if (second.Size > log.Size)
            {
                return new(ConsistencyStatus.Unproven, $"the log copy holds {log.Size} entries, fewer than the checkpoint's {second.Size}", first, second, null);
            }

            foreach (var checkpoint in new[] { first, second })
            {
                if (!CryptographicOperations.FixedTimeEquals(ProofBuilder.RootHash(log, checkpoint.Size), checkpoint.RootHash))
                {
                    return new(ConsistencyStatus.Inconsistent, $"split view: the log copy's tree of size {checkpoint.Size} has a different root from the signed checkpoint", first, second, null);
                }
            }

            return Compare(first, second, ProofBuilder.Consistency(log, first.Size, second.Size));
        }

        return Compare(first, second, (ConsistencyProof?)null);
    }
}
