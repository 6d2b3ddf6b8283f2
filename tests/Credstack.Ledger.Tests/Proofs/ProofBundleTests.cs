using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Entries;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Proofs;
using Credstack.Ledger.Storage;
using Credstack.Ledger.Tests.Checkpoints;
using Credstack.Ledger.Tests.Notes;

namespace Credstack.Ledger.Tests.Proofs;

public sealed class ProofBundleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Credential = "{\"id\":\"urn:uuid:42\",\"proof\":{}}"u8.ToArray();

    private static (MemoryLogStore Store, SignedNote Checkpoint, NoteVerifier LogKey) Log(int size = 37, int credentialAt = 11)
    {
        var store = new MemoryLogStore();
        var signer = CheckpointTests.LogSigner();
        for (var i = 0; i < size; i++)
        {
            LogEntry entry = i == credentialAt
                ? CredentialIssued.ForCredential("urn:uuid:42", "did:web:example.edu", Credential, "https://example.edu/status/1", 42, At)
                : new CredentialStatusChanged($"urn:uuid:{i}", "did:web:example.edu", StatusChange.Revoked, "issuedInError", At);
            store.Append([entry.ToCanonicalJson()]);
        }

        var checkpoint = new Checkpoint(signer.Key.Name, store.Size, store.RootHash()).Sign(signer);
        return (store, checkpoint, signer.Key.CreateVerifier(BouncyCastleEd25519.Instance));
    }

    [Fact]
    public void A_bundle_survives_json_and_verifies_offline_for_the_credential_it_logs()
    {
        var (store, checkpoint, logKey) = Log();
        var json = ProofBundle.Create(store, 11, checkpoint).ToJson();
        var bundle = ProofBundle.Parse(json);
        Assert.True(bundle.Succeeded, bundle.Problem);
        var result = bundle.Value!.VerifyForCredential(Credential, logKey);
        Assert.True(result.Verdict.Verifies, result.Verdict.Reason);
        Assert.Equal("urn:uuid:42", Assert.IsType<CredentialIssued>(result.Entry).CredentialId);
        Assert.Equal(37, result.Checkpoint!.Size);
    }

    [Fact]
    public void A_bundle_does_not_verify_for_other_credential_bytes()
    {
        var (store, checkpoint, logKey) = Log();
        var result = ProofBundle.Create(store, 11, checkpoint).VerifyForCredential([.. Credential, (byte)' '], logKey);
        Assert.False(result.Verdict.Verifies);
        Assert.Contains("logged digest", result.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_for_a_different_index_entry_or_path_does_not_verify()
    {
        var (store, checkpoint, logKey) = Log();
        var bundle = ProofBundle.Create(store, 11, checkpoint);
        Assert.False((bundle with { LeafIndex = 12 }).Verify(logKey).Verdict.Verifies);
        Assert.False((bundle with { Entry = store.ReadEntry(12) }).Verify(logKey).Verdict.Verifies);
        Assert.False((bundle with { InclusionPath = bundle.InclusionPath.Skip(1).ToList() }).Verify(logKey).Verdict.Verifies);
        var other = bundle.Verify(CheckpointTests.LogSigner(0x33).Key.CreateVerifier(BouncyCastleEd25519.Instance));
        Assert.False(other.Verdict.Verifies);
        Assert.StartsWith("the proof bundle does not verify because", other.Verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"credstack-log-inclusion/v1\"}")]
    [InlineData("{\"type\":\"credstack-log-inclusion/v1\",\"leafIndex\":\"1\",\"entry\":\"\",\"inclusionPath\":[],\"checkpoint\":\"\"}")]
    [InlineData("{\"type\":\"credstack-log-inclusion/v1\",\"leafIndex\":1,\"entry\":\"@@\",\"inclusionPath\":[],\"checkpoint\":\"\"}")]
    [InlineData("{\"type\":\"credstack-log-inclusion/v1\",\"leafIndex\":1,\"entry\":\"\",\"inclusionPath\":[7],\"checkpoint\":\"\"}")]
    [InlineData("{\"type\":")]
    public void Malformed_bundles_are_refused_with_a_reason(string json)
    {
        var parsed = ProofBundle.Parse(json);
        Assert.False(parsed.Succeeded);
        Assert.NotEmpty(parsed.Problem!);
    }
}
