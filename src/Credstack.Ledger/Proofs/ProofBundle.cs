using System.Text;
using System.Text.Json;
using Credstack.Ledger.Checkpoints;
using Credstack.Ledger.Entries;
using Credstack.Ledger.Merkle;
using Credstack.Ledger.Notes;
using Credstack.Ledger.Storage;

namespace Credstack.Ledger.Proofs;

/// <summary>
/// Everything an offline verifier needs to check that one entry is in the log: the entry's bytes,
/// its leaf index, the RFC 9162 inclusion path and the signed checkpoint the path leads to.
/// </summary>
/// <param name="LeafIndex">The entry's index in the log.</param>
/// <param name="Entry">The entry's exact leaf bytes (canonical JSON for typed entries).</param>
/// <param name="InclusionPath">The audit path from the leaf to the checkpoint's root.</param>
/// <param name="Checkpoint">The signed checkpoint note, as text.</param>
public sealed record ProofBundle(long LeafIndex, byte[] Entry, IReadOnlyList<byte[]> InclusionPath, string Checkpoint)
{
    /// <summary>The value of the bundle's <c>type</c> member.</summary>
    public const string TypeName = "credstack-log-inclusion/v1";

    /// <summary>The largest bundle <see cref="Parse"/> reads.</summary>
    public const int MaxLength = 1 << 22;

    /// <summary>Builds the bundle for entry <paramref name="leafIndex"/> against <paramref name="signedCheckpoint"/>, which must describe a tree the store holds.</summary>
    /// <exception cref="ArgumentException">When the checkpoint is malformed or is not a tree head of <paramref name="store"/>.</exception>
    public static ProofBundle Create(ILogStore store, long leafIndex, SignedNote signedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        var checkpoint = Checkpoints.Checkpoint.Parse(signedCheckpoint.Text);
        if (!checkpoint.Succeeded)
        {
            throw new ArgumentException(checkpoint.Problem, nameof(signedCheckpoint));
        }

        var size = checkpoint.Value!.Size;
        if (size > store.Size || !ProofBuilder.RootHash(store, size).AsSpan().SequenceEqual(checkpoint.Value.RootHash))
        {
            throw new ArgumentException("The checkpoint is not a tree head of this log.", nameof(signedCheckpoint));
        }

        var proof = ProofBuilder.Inclusion(store, leafIndex, size);
        return new ProofBundle(leafIndex, store.ReadEntry(leafIndex), proof.Path, signedCheckpoint.ToString());
    }

    /// <summary>Checks the checkpoint's signatures and the inclusion of the entry.</summary>
    /// <param name="logKey">The log's verifier key.</param>
    /// <param name="witnesses">Configured witnesses, when cosignatures are required.</param>
    /// <param name="quorum">How many witnesses must have cosigned.</param>
    public ProofBundleVerification Verify(NoteVerifier logKey, IReadOnlyList<NoteVerifier>? witnesses = null, int quorum = 0)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var checkpoint = CheckpointVerifier.Verify(Checkpoint, logKey, witnesses, quorum);
        if (!checkpoint.Verdict.Verifies)
        {
            return new ProofBundleVerification(Verdict.Fail("the proof bundle does not verify because " + checkpoint.Verdict.Reason), null, null);
        }

        var proof = new InclusionProof(LeafIndex, checkpoint.Checkpoint!.Size, InclusionPath);
        var inclusion = ProofVerifier.VerifyInclusion(proof, MerkleHash.Leaf(Entry), checkpoint.Checkpoint.RootHash);
        if (!inclusion.Verifies)
        {
            return new ProofBundleVerification(Verdict.Fail("the proof bundle does not verify because " + inclusion.Reason), checkpoint.Checkpoint, null);
        }

        var entry = LogEntry.Parse(Entry);
        return new ProofBundleVerification(Verdict.Pass, checkpoint.Checkpoint, entry.Value);
    }

    /// <summary>Checks the bundle and that its entry records the issuance of exactly <paramref name="signedCredential"/>: the "logged" check of a credential.</summary>
    public ProofBundleVerification VerifyForCredential(ReadOnlySpan<byte> signedCredential, NoteVerifier logKey, IReadOnlyList<NoteVerifier>? witnesses = null, int quorum = 0)
    {
        var result = Verify(logKey, witnesses, quorum);
        if (!result.Verdict.Verifies)
        {
            return result;
        }

        if (result.Entry is not CredentialIssued issued)
        {
            return result with { Verdict = Verdict.Fail("the proof bundle does not verify because its entry is not a credential issuance") };
        }

        return issued.CredentialDigest == CredentialIssued.DigestOf(signedCredential)
            ? result
            : result with { Verdict = Verdict.Fail("the proof bundle does not verify because the logged digest is not the SHA-256 of this credential's bytes") };
    }

    /// <summary>The bundle as compact JSON.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeName);
            json.WriteNumber("leafIndex", LeafIndex);
            json.WriteString("entry", Convert.ToBase64String(Entry));
            json.WriteStartArray("inclusionPath");
            foreach (var hash in InclusionPath)
            {
                json.WriteStringValue(Convert.ToBase64String(hash));
            }

            json.WriteEndArray();
            json.WriteString("checkpoint", Checkpoint);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a bundle from JSON; malformed input is a problem, not an exception.</summary>
    public static Outcome<ProofBundle> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json) || json.Length > MaxLength)
        {
            return Outcome<ProofBundle>.Failure("the proof bundle is empty or too large");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != TypeName)
            {
                return Outcome<ProofBundle>.Failure($"the proof bundle is not a JSON object of type '{TypeName}'");
            }

            if (!root.TryGetProperty("leafIndex", out var index) || index.ValueKind != JsonValueKind.Number || !index.TryGetInt64(out var leafIndex)
                || !root.TryGetProperty("entry", out var entry) || entry.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("inclusionPath", out var path) || path.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("checkpoint", out var checkpoint) || checkpoint.ValueKind != JsonValueKind.String)
            {
                return Outcome<ProofBundle>.Failure("the proof bundle misses 'leafIndex', 'entry', 'inclusionPath' or 'checkpoint', or one has the wrong type");
            }

            var hashes = new List<byte[]>();
            foreach (var item in path.EnumerateArray())
            {
                var hash = item.ValueKind == JsonValueKind.String ? NoteKey.DecodeBase64(item.GetString()!) : null;
                if (hash is null)
                {
                    return Outcome<ProofBundle>.Failure("an inclusion path element is not base64");
                }

                hashes.Add(hash);
            }

            var entryBytes = NoteKey.DecodeBase64(entry.GetString()!);
            return entryBytes is null
                ? Outcome<ProofBundle>.Failure("the entry is not base64")
                : Outcome<ProofBundle>.Success(new ProofBundle(leafIndex, entryBytes, hashes, checkpoint.GetString()!));
        }
        catch (JsonException e)
        {
            return Outcome<ProofBundle>.Failure($"the proof bundle is not valid JSON ({e.Message})");
        }
    }
}
