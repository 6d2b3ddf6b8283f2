using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Merkle;
using Credstack.Ledger.Monitoring;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Storage;
using Credstack.Ledger.Tests.Checkpoints;
using Credstack.Ledger.Tests.Merkle;
using Credstack.Ledger.Tests.Notes;

namespace Credstack.Ledger.Tests.Monitoring;

public sealed class LogMonitorTests
{
    private static readonly Ed25519NoteSigner Signer = CheckpointTests.LogSigner();
    private static readonly NoteVerifier LogKey = Signer.Key.CreateVerifier(BouncyCastleEd25519.Instance);

    private static MemoryLogStore Fork(int common, int extra, string branch)
    {
        var store = TestLogs.Memory(TestLogs.Entries(common));
        store.Append([.. Enumerable.Range(0, extra).Select(i => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes($"{branch} {i}"))]);
        return store;
    }

    // What each party holds: a signed checkpoint note, verified against the log key on receipt.
    private static Checkpoint SeenBy(ILogStore log, long size)
    {
        var note = new Checkpoint(Signer.Key.Name, size, ProofBuilder.RootHash(log, size)).Sign(Signer).ToString();
        var verified = CheckpointVerifier.Verify(note, LogKey);
        Assert.True(verified.Verdict.Verifies, verified.Verdict.Reason);
        return verified.Checkpoint!;
    }

    [Fact]
    public void Two_forks_of_the_same_size_are_detected_from_their_checkpoints_alone()
    {
        using var a = Fork(100, 20, "a");
        using var b = Fork(100, 20, "b");
        var report = LogMonitor.Compare(SeenBy(a, 120), SeenBy(b, 120));
        Assert.Equal(ConsistencyStatus.Inconsistent, report.Status);
        Assert.Contains("split view", report.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_forks_of_different_sizes_are_detected_because_no_proof_can_join_their_checkpoints()
    {
        using var a = Fork(100, 10, "a");
        using var b = Fork(100, 30, "b");
        var first = SeenBy(a, 110);
        var second = SeenBy(b, 130);
        Assert.Equal(ConsistencyStatus.Unproven, LogMonitor.Compare(first, second).Status);
        var withLogsProof = LogMonitor.Compare(first, second, ProofBuilder.Consistency(b, 110, 130));
        Assert.Equal(ConsistencyStatus.Inconsistent, withLogsProof.Status);
        var againstMirror = LogMonitor.Compare(first, second, b);
        Assert.Equal(ConsistencyStatus.Inconsistent, againstMirror.Status);
        Assert.Contains("split view", againstMirror.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoints_of_one_honest_log_are_consistent_in_either_order()
    {
        using var log = Fork(100, 50, "a");
        foreach (var (m, n) in new[] { (1, 150), (37, 100), (100, 100), (64, 128), (0, 5) })
        {
            var older = SeenBy(log, m);
            var newer = SeenBy(log, n);
            Assert.Equal(ConsistencyStatus.Consistent, LogMonitor.Compare(newer, older, log).Status);
            Assert.Equal(ConsistencyStatus.Consistent, LogMonitor.Compare(older, newer, ProofBuilder.Consistency(log, m, n)).Status);
        }
    }

    [Fact]
    public void A_proof_for_other_sizes_or_checkpoints_of_other_logs_prove_nothing()
    {
        using var log = Fork(10, 10, "a");
        var older = SeenBy(log, 10);
        var newer = SeenBy(log, 20);
        Assert.Equal(ConsistencyStatus.Unproven, LogMonitor.Compare(older, newer, ProofBuilder.Consistency(log, 9, 20)).Status);
        Assert.Equal(ConsistencyStatus.Unproven, LogMonitor.Compare(older, newer with { Origin = "other.example/log" }).Status);
    }
}
