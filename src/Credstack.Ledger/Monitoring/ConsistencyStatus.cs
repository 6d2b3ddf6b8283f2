namespace Credstack.Ledger.Monitoring;

/// <summary>What a monitor concluded about two checkpoints of one log.</summary>
public enum ConsistencyStatus
{
    /// <summary>The smaller tree is a prefix of the larger one (or they are the same tree).</summary>
    Consistent,

    /// <summary>The log has shown two histories that cannot both be true: a split view or a rewritten history. The report holds the evidence.</summary>
    Inconsistent,

    /// <summary>Nothing could be concluded: the checkpoints are of different logs, or a proof between different sizes is missing.</summary>
    Unproven,
}
