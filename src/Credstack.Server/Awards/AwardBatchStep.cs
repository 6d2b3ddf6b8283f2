using System.Data.Common;

namespace Credstack.Server.Awards;

/// <summary>
/// Runs in the transaction that stores a batch of awards, before they are inserted (bulk jobs: "these rows are
/// issued"). <paramref name="awards"/> maps each item's position in the batch to its new award; the step returns the
/// positions to store, and the others are not stored (a bulk row cancelled, or issued by another process, meanwhile).
/// </summary>
internal delegate Task<IReadOnlyCollection<int>> AwardBatchStep(
    IReadOnlyDictionary<int, Award> awards, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
