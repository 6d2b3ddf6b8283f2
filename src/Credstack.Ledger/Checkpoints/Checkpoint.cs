// C2SP tlog-checkpoint: the note text of a signed tree head is the origin line, the tree size
// in decimal without leading zeroes, the base64 root hash, then optional non-empty extension
// lines, each ending in a newline. The log's signature is a signed-note signature whose key
// name is the origin.
using System.Globalization;
using System.Text;
using Credstack.Ledger.Merkle;
using Credstack.Ledger.Notes;

namespace Credstack.Ledger.Checkpoints;

/// <summary>A tree head in the C2SP tlog-checkpoint format.</summary>
/// <param name="Origin">The log's unique name (e.g. <c>credstack.example/log</c>).</param>
/// <param name="Size">The number of entries in the tree.</param>
/// <param name="RootHash">The RFC 9162 root hash of the tree (32 bytes).</param>
/// <param name="Extensions">Optional extension lines (non-empty, opaque).</param>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, IReadOnlyList<string> Extensions)
{
    /// <summary>A checkpoint without extension lines.</summary>
    public Checkpoint(string origin, long size, byte[] rootHash)
        : this(origin, size, rootHash, [])
    {
    }

    /// <summary>The note text of the checkpoint.</summary>
    public string ToNoteText()
    {
        var text = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var extension in Extensions)
        {
            text.Append(extension).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Signs the checkpoint with the log's key, whose name must be the origin.</summary>
    public SignedNote Sign(NoteSigner logSigner)
    {
        ArgumentNullException.ThrowIfNull(logSigner);
        if (logSigner.Key.Name != Origin)
        {
            throw new ArgumentException($"The log key is named '{logSigner.Key.Name}' but the checkpoint's origin is '{Origin}'.", nameof(logSigner));
        }

        return SignedNote.Sign(ToNoteText(), logSigner);
    }

    /// <summary>Parses checkpoint note text (without signatures); malformed text is a problem, not an exception.</summary>
    public static Outcome<Checkpoint> Parse(string? text)
    {
        if (SignedNote.CheckText(text) is { } problem)
        {
            return Outcome<Checkpoint>.Failure($"the checkpoint is malformed because {problem}");
        }

        var lines = text![..^1].Split('\n');
        if (lines.Length < 3)
        {
            return Outcome<Checkpoint>.Failure("the checkpoint is malformed because it has fewer than three lines (origin, size, root hash)");
        }

        if (lines[0].Length == 0)
        {
            return Outcome<Checkpoint>.Failure("the checkpoint is malformed because its origin line is empty");
        }

        var sizeText = lines[1];
        if (sizeText.Length == 0 || sizeText.Length > 19 || !sizeText.All(char.IsAsciiDigit) || (sizeText.Length > 1 && sizeText[0] == '0')
            || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return Outcome<Checkpoint>.Failure($"the checkpoint is malformed because its size line '{sizeText}' is not a decimal number without leading zeroes");
        }

        var root = NoteKey.DecodeBase64(lines[2]);
        if (root is null || root.Length != MerkleHash.Length)
        {
            return Outcome<Checkpoint>.Failure("the checkpoint is malformed because its root hash line is not the base64 of 32 bytes");
        }

        if (lines.Skip(3).Any(l => l.Length == 0))
        {
            return Outcome<Checkpoint>.Failure("the checkpoint is malformed because it has an empty extension line");
        }

        return Outcome<Checkpoint>.Success(new Checkpoint(lines[0], size, root, lines[3..]));
    }

    /// <inheritdoc />
    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size
        && RootHash.AsSpan().SequenceEqual(other.RootHash) && Extensions.SequenceEqual(other.Extensions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Origin, Size, Convert.ToHexString(RootHash));
}
