using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Merkle;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Tests.Notes;

namespace Credstack.Ledger.Tests.Checkpoints;

public sealed class CheckpointTests
{
    private const string Origin = "credstack.example/log";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    internal static Ed25519NoteSigner LogSigner(byte seed = 0x10, string origin = Origin) =>
        new(origin, Enumerable.Repeat(seed, 32).ToArray(), BouncyCastleEd25519.Instance);

    internal static CosignatureSigner Witness(int i, DateTimeOffset? at = null) =>
        new($"witness{i}.example/w", Enumerable.Repeat((byte)(0x20 + i), 32).ToArray(), BouncyCastleEd25519.Instance, new FixedTime(at ?? Now));

    private static NoteVerifier VerifierOf(NoteSigner signer) => signer.Key.CreateVerifier(BouncyCastleEd25519.Instance);

    private static Checkpoint Sample(long size = 7) => new(Origin, size, MerkleHash.Leaf([(byte)size]));

    [Fact]
    public void The_note_text_is_origin_size_and_base64_root_each_on_its_own_line()
    {
        var root = Convert.FromHexString("0a15186a91863e8e0dd90c8014a8a86e9f5ad8e3ee1d9f07638f03763da8f1ab");
        Assert.Equal("example.com/behind-the-sofa\n20852163\nChUYapGGPo4N2QyAFKiobp9a2OPuHZ8HY48Ddj2o8as=\n", new Checkpoint("example.com/behind-the-sofa", 20852163, root).ToNoteText());
        Assert.Equal("o\n0\n" + Convert.ToBase64String(MerkleHash.EmptyTree()) + "\next\n", new Checkpoint("o", 0, MerkleHash.EmptyTree(), ["ext"]).ToNoteText());
    }

    [Fact]
    public void A_checkpoint_reads_back_equal_from_its_note_text()
    {
        var checkpoint = new Checkpoint(Origin, 123456789, MerkleHash.EmptyTree(), ["a", "b c"]);
        Assert.Equal(checkpoint, Checkpoint.Parse(checkpoint.ToNoteText()).Value);
    }

    [Theory]
    [InlineData("o\n07\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "leading zeroes")]
    [InlineData("o\n-7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "leading zeroes")]
    [InlineData("o\n99999999999999999999\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "not a decimal number")]
    [InlineData("o\n7\n", "fewer than three lines")]
    [InlineData("o\n7\nAAAA\n", "not the base64 of 32 bytes")]
    [InlineData("o\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\next\n", "empty extension line")]
    [InlineData("o\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "does not end in a newline")]
    [InlineData("\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "origin line is empty")]
    public void Malformed_checkpoints_are_refused_with_a_reason(string text, string expected)
    {
        var parsed = Checkpoint.Parse(text);
        Assert.False(parsed.Succeeded);
        Assert.Contains("malformed because", parsed.Problem, StringComparison.Ordinal);
        Assert.Contains(expected, parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_checkpoint_verifies_with_the_log_key_and_not_with_another()
    {
        var note = Sample().Sign(LogSigner()).ToString();
        var result = CheckpointVerifier.Verify(note, VerifierOf(LogSigner()));
        Assert.True(result.Verdict.Verifies, result.Verdict.Reason);
        Assert.Equal(7, result.Checkpoint!.Size);
        var other = CheckpointVerifier.Verify(note, VerifierOf(LogSigner(0x11)));
        Assert.False(other.Verdict.Verifies);
        Assert.Contains("log's signature is missing or invalid", other.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_whose_size_was_changed_after_signing_does_not_verify()
    {
        var note = Sample().Sign(LogSigner()).ToString().Replace("\n7\n", "\n8\n", StringComparison.Ordinal);
        var result = CheckpointVerifier.Verify(note, VerifierOf(LogSigner()));
        Assert.False(result.Verdict.Verifies);
        Assert.Contains("invalid", result.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_key_cannot_vouch_for_another_origin()
    {
        var impostor = LogSigner(0x12, "impostor.example/log");
        var note = SignedNote.Sign(Sample().ToNoteText(), impostor).ToString();
        var result = CheckpointVerifier.Verify(note, VerifierOf(impostor));
        Assert.False(result.Verdict.Verifies);
        Assert.Contains("origin", result.Verdict.Reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Sample().Sign(impostor));
    }

    [Fact]
    public void A_quorum_of_configured_witness_cosignatures_verifies_and_reports_their_timestamps()
    {
        var note = Sample().Sign(LogSigner()).AddSignatures(Witness(0), Witness(1)).ToString();
        var witnesses = new[] { VerifierOf(Witness(0)), VerifierOf(Witness(1)), VerifierOf(Witness(2)) };
        var result = CheckpointVerifier.Verify(note, VerifierOf(LogSigner()), witnesses, quorum: 2, now: Now);
        Assert.True(result.Verdict.Verifies, result.Verdict.Reason);
        Assert.Equal([new WitnessCosignature("witness0.example/w", Now.ToUnixTimeSeconds()), new WitnessCosignature("witness1.example/w", Now.ToUnixTimeSeconds())], result.Witnesses);

        var short3 = CheckpointVerifier.Verify(note, VerifierOf(LogSigner()), witnesses, quorum: 3);
        Assert.False(short3.Verdict.Verifies);
        Assert.Contains("2 valid cosignature(s) from configured witnesses and 3 are required", short3.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cosignatures_from_unconfigured_witnesses_or_the_log_key_itself_do_not_count()
    {
        var logAsWitness = new CosignatureSigner(Origin, Enumerable.Repeat((byte)0x10, 32).ToArray(), BouncyCastleEd25519.Instance, new FixedTime(Now));
        var note = Sample().Sign(LogSigner()).AddSignatures(Witness(0), Witness(9), logAsWitness).ToString();
        var result = CheckpointVerifier.Verify(note, VerifierOf(LogSigner()), [VerifierOf(Witness(0)), VerifierOf(logAsWitness)], quorum: 2);
        Assert.False(result.Verdict.Verifies);
        Assert.Contains("1 valid cosignature(s)", result.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cosignature_dated_in_the_future_is_refused_when_the_time_is_given()
    {
        var note = Sample().Sign(LogSigner()).AddSignatures(Witness(0, Now.AddHours(1))).ToString();
        var result = CheckpointVerifier.Verify(note, VerifierOf(LogSigner()), [VerifierOf(Witness(0))], quorum: 1, now: Now);
        Assert.False(result.Verdict.Verifies);
        Assert.Contains("future", result.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cosignature_signs_the_tlog_cosignature_v1_message()
    {
        var signed = Sample().Sign(LogSigner()).AddSignatures(Witness(0));
        var blob = signed.Signatures[1].Signature;
        Assert.Equal(72, blob.Length);
        var message = System.Text.Encoding.UTF8.GetBytes($"cosignature/v1\ntime {Now.ToUnixTimeSeconds()}\n{signed.Text}");
        Assert.True(BouncyCastleEd25519.Instance.Verify(Witness(0).Key.PublicKey, message, blob.AsSpan(8)));
        Assert.StartsWith(Witness(0).Key.Name + "+", Witness(0).Key.ToVerifierKey(), StringComparison.Ordinal);
        Assert.Equal(NoteKey.Cosignature, NoteKey.ParseVerifierKey(Witness(0).Key.ToVerifierKey()).Value!.SignatureType);
    }

    [Fact]
    public void Garbage_instead_of_a_checkpoint_gets_a_reason_not_an_exception()
    {
        foreach (var junk in new[] { null, "", "\n\n\n", "o\n1\nAAAA\n\n\u2014 x AAAAAAAA\n", new string('\u2014', 5000) })
        {
            var result = CheckpointVerifier.Verify(junk, VerifierOf(LogSigner()));
            Assert.False(result.Verdict.Verifies);
            Assert.StartsWith("the checkpoint does not verify because", result.Verdict.Reason, StringComparison.Ordinal);
        }
    }
}
