using Credstack.Ledger.Notes;

namespace Credstack.Ledger.Checkpoints;

/// <summary>Verifies signed checkpoints: the log's signature, the C2SP checkpoint body, and a quorum of configured witness cosignatures.</summary>
public static class CheckpointVerifier
{
    /// <summary>Verifies <paramref name="note"/> as a checkpoint of the log whose key is <paramref name="logKey"/>.</summary>
    /// <param name="note">The signed checkpoint note, as text.</param>
    /// <param name="logKey">The log's verifier; its name must be the checkpoint's origin.</param>
    /// <param name="witnesses">The configured witness verifiers (cosignature type); others' signatures are ignored.</param>
    /// <param name="quorum">How many distinct configured witnesses must have cosigned.</param>
    /// <param name="now">When given, cosignatures dated after it are refused.</param>
    public static CheckpointVerification Verify(string? note, NoteVerifier logKey, IReadOnlyList<NoteVerifier>? witnesses = null, int quorum = 0, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var parsed = SignedNote.Parse(note);
        if (!parsed.Succeeded)
        {
            return CheckpointVerification.Fail($"the checkpoint does not verify because {parsed.Problem}");
        }

        var signed = parsed.Value!;
        var logCheck = signed.Verify(logKey);
        if (!logCheck.Verdict.Verifies)
        {
            return CheckpointVerification.Fail($"the checkpoint does not verify because the log's signature is missing or invalid ({logCheck.Verdict.Reason})", signed);
        }

        var checkpoint = Checkpoint.Parse(signed.Text);
        if (!checkpoint.Succeeded)
        {
            return CheckpointVerification.Fail($"the checkpoint does not verify because {checkpoint.Problem}", signed);
        }

        if (checkpoint.Value!.Origin != logKey.Key.Name)
        {
            return CheckpointVerification.Fail($"the checkpoint does not verify because its origin '{checkpoint.Value.Origin}' is not the log key's name '{logKey.Key.Name}'", signed);
        }

        var cosigners = (witnesses ?? []).Where(w => w.Key.SignatureType == NoteKey.Cosignature && !w.Key.PublicKey.AsSpan().SequenceEqual(logKey.Key.PublicKey)).ToList();
        var cosigned = new List<WitnessCosignature>();
        if (cosigners.Count > 0)
        {
            var witnessCheck = signed.Verify(cosigners);
            if (!witnessCheck.Verdict.Verifies && quorum > 0)
            {
                return CheckpointVerification.Fail($"the checkpoint does not verify because {quorum} witness cosignature(s) are required and {witnessCheck.Verdict.Reason}", signed);
            }

            for (var i = 0; i < witnessCheck.VerifiedBy.Count; i++)
            {
                var timestamp = CosignatureVerifier.TimestampOf(witnessCheck.Signatures[i].Signature)!.Value;
                if (now is not null && timestamp > now.Value.ToUnixTimeSeconds())
                {
                    return CheckpointVerification.Fail($"the checkpoint does not verify because the cosignature by {witnessCheck.VerifiedBy[i].Name} is dated in the future", signed);
                }

                cosigned.Add(new WitnessCosignature(witnessCheck.VerifiedBy[i].Name, timestamp));
            }
        }

        if (cosigned.Count < quorum)
        {
            return CheckpointVerification.Fail($"the checkpoint does not verify because it has {cosigned.Count} valid cosignature(s) from configured witnesses and {quorum} are required", signed);
        }

        return new CheckpointVerification(Verdict.Pass, checkpoint.Value, signed, cosigned);
    }
}
