// C2SP signed-note, "Format" and "Signatures": a text ending in a newline, a blank line, then one
// or more lines "— <key name> base64(key ID || signature)\n". Signatures by unknown keys are
// ignored; a known key's signature that fails rejects the note; at least one must verify.
using System.Buffers.Binary;
using System.Text;

namespace Credstack.Ledger.Notes;

/// <summary>A C2SP signed note: text plus signature lines.</summary>
/// <param name="Text">The note text, including its final newline.</param>
/// <param name="Signatures">The signature lines, in order.</param>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>The most signature lines a note may carry (the spec requires accepting at least 16).</summary>
    public const int MaxSignatures = 100;

    /// <summary>The most characters a note may have.</summary>
    public const int MaxLength = 1 << 20;

    private const string Dash = "\u2014 ";

    /// <summary>Signs <paramref name="text"/> (which must end in a newline) with each signer.</summary>
    public static SignedNote Sign(string text, params IEnumerable<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        var problem = CheckText(text);
        if (problem is not null)
        {
            throw new ArgumentException($"The note text is not valid: {problem}.", nameof(text));
        }

        return new SignedNote(text, []).AddSignatures(signers);
    }

    /// <summary>Returns this note with signatures by <paramref name="signers"/> appended (how a witness adds its cosignature).</summary>
    public SignedNote AddSignatures(params IEnumerable<NoteSigner> signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        var bytes = Encoding.UTF8.GetBytes(Text);
        var signatures = Signatures.ToList();
        foreach (var signer in signers)
        {
            signatures.Add(new NoteSignature(signer.Key.Name, signer.Key.KeyId, signer.Sign(bytes)));
        }

        return this with { Signatures = signatures };
    }

    /// <summary>The note in its wire form.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Text).Append('\n');
        Span<byte> id = stackalloc byte[4];
        foreach (var signature in Signatures)
        {
            BinaryPrimitives.WriteUInt32BigEndian(id, signature.KeyId);
            text.Append(Dash).Append(signature.Name).Append(' ')
                .Append(Convert.ToBase64String([.. id, .. signature.Signature])).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Parses a signed note; malformed notes are a problem, not an exception.</summary>
    public static Outcome<SignedNote> Parse(string? note)
    {
        if (string.IsNullOrEmpty(note))
        {
            return Outcome<SignedNote>.Failure("the note is empty");
        }

        if (note.Length > MaxLength)
        {
            return Outcome<SignedNote>.Failure("the note is too long");
        }

        if (note.Any(c => c < ' ' && c != '\n') || note.Any(char.IsSurrogate) && !IsWellFormed(note))
        {
            return Outcome<SignedNote>.Failure("the note contains control characters or invalid UTF-16");
        }

        // The text ends at the last blank line.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return Outcome<SignedNote>.Failure("the note has no blank line before its signatures");
        }

        var text = note[..(split + 1)];
        var lines = note[(split + 2)..];
        if (lines.Length == 0 || !lines.EndsWith('\n'))
        {
            return Outcome<SignedNote>.Failure("the note has no signature lines, or its last line does not end in a newline");
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in lines[..^1].Split('\n'))
        {
            if (signatures.Count == MaxSignatures)
            {
                return Outcome<SignedNote>.Failure($"the note has more than {MaxSignatures} signatures");
            }

            if (!line.StartsWith(Dash, StringComparison.Ordinal))
            {
                return Outcome<SignedNote>.Failure("a signature line does not start with an em dash and a space");
            }

            var space = line.IndexOf(' ', Dash.Length);
            var name = space < 0 ? string.Empty : line[Dash.Length..space];
            var blob = space < 0 ? null : NoteKey.DecodeBase64(line[(space + 1)..]);
            if (!NoteKey.IsValidName(name) || blob is null || blob.Length < 5)
            {
                return Outcome<SignedNote>.Failure("a signature line is not '— name base64(keyid || signature)'");
            }

            signatures.Add(new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]));
        }

        return Outcome<SignedNote>.Success(new SignedNote(text, signatures));
    }

    /// <summary>Verifies the signatures by <paramref name="verifiers"/>; others are ignored.</summary>
    public NoteVerification Verify(params IEnumerable<NoteVerifier> verifiers)
    {
        ArgumentNullException.ThrowIfNull(verifiers);
        var known = verifiers.ToList();
        var text = Encoding.UTF8.GetBytes(Text);
        var verified = new List<NoteKey>();
        var verifiedSignatures = new List<NoteSignature>();
        foreach (var signature in Signatures)
        {
            var verifier = known.Find(v => v.Key.Name == signature.Name && v.Key.KeyId == signature.KeyId);
            if (verifier is null)
            {
                continue;
            }

            if (!verifier.Verify(text, signature.Signature))
            {
                return new NoteVerification(Verdict.Fail($"the note does not verify because the signature by {signature.Name} is invalid"), [], []);
            }

            if (!verified.Contains(verifier.Key))
            {
                verified.Add(verifier.Key);
                verifiedSignatures.Add(signature);
            }
        }

        return verified.Count == 0
            ? new NoteVerification(Verdict.Fail("the note does not verify because it carries no signature by a known key"), [], [])
            : new NoteVerification(Verdict.Pass, verified, verifiedSignatures);
    }

    internal static string? CheckText(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.EndsWith('\n'))
        {
            return "it is empty or does not end in a newline";
        }

        return text.Any(c => c < ' ' && c != '\n') ? "it contains control characters" : null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
