// C2SP signed-note, "Verifier keys" and "Signatures": a key is identified by its name and a
// 32-bit key ID = SHA-256(name || 0x0A || signature type || public key)[:4], and written as a
// vkey "<name>+hex(key ID)+base64(signature type || public key)".
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Credstack.Ledger.Notes;

/// <summary>A public note key: name, C2SP signature type and public key bytes.</summary>
/// <param name="Name">The key name (for a log, its origin).</param>
/// <param name="SignatureType">The C2SP signature type byte: <see cref="Ed25519"/> or <see cref="Cosignature"/>.</param>
/// <param name="PublicKey">The 32-byte Ed25519 public key.</param>
public sealed record NoteKey(string Name, byte SignatureType, byte[] PublicKey)
{
    /// <summary>Signature type 0x01: Ed25519 signatures over the note text (C2SP signed-note).</summary>
    public const byte Ed25519 = 0x01;

    /// <summary>Signature type 0x04: timestamped Ed25519 checkpoint cosignatures (C2SP tlog-cosignature).</summary>
    public const byte Cosignature = 0x04;

    /// <summary>The 32-bit key ID that prefixes every signature by this key.</summary>
    public uint KeyId => ComputeKeyId(Name, SignatureType, PublicKey);

    /// <summary>The key as a C2SP verifier key string.</summary>
    public string ToVerifierKey() =>
        $"{Name}+{KeyId.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String([SignatureType, .. PublicKey])}";

    /// <summary>SHA-256(name || 0x0A || type || public key)[:4], big-endian.</summary>
    public static uint ComputeKeyId(string name, byte signatureType, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = signatureType;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>True when <paramref name="name"/> is a valid key name: non-empty, no spaces, no '+', no control characters.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));

    /// <summary>Parses a C2SP verifier key; the key ID it states must match its name and key.</summary>
    public static Outcome<NoteKey> ParseVerifierKey(string? vkey)
    {
        if (string.IsNullOrEmpty(vkey))
        {
            return Outcome<NoteKey>.Failure("the verifier key is empty");
        }

        // The base64 part may itself contain '+', so split at the first two only.
        var first = vkey.IndexOf('+', StringComparison.Ordinal);
        var second = first < 0 ? -1 : vkey.IndexOf('+', first + 1);
        if (first <= 0 || second < 0)
        {
            return Outcome<NoteKey>.Failure("the verifier key is not of the form name+keyid+base64");
        }

        var name = vkey[..first];
        var idText = vkey[(first + 1)..second];
        if (!IsValidName(name))
        {
            return Outcome<NoteKey>.Failure("the verifier key's name is empty or contains spaces or '+'");
        }

        if (idText.Length != 8 || !idText.All(char.IsAsciiHexDigitLower) || !uint.TryParse(idText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
        {
            return Outcome<NoteKey>.Failure("the verifier key's key ID is not 8 lower-case hex digits");
        }

        var material = DecodeBase64(vkey[(second + 1)..]);
        if (material is null || material.Length != 33 || (material[0] != Ed25519 && material[0] != Cosignature))
        {
            return Outcome<NoteKey>.Failure("the verifier key is not an Ed25519 (0x01) or cosignature (0x04) key of 32 bytes");
        }

        var key = new NoteKey(name, material[0], material[1..]);
        return key.KeyId == id
            ? Outcome<NoteKey>.Success(key)
            : Outcome<NoteKey>.Failure("the verifier key's key ID does not match its name and public key");
    }

    /// <summary>Builds the verifier for this key, using <paramref name="ed25519"/> for the signature checks.</summary>
    public NoteVerifier CreateVerifier(IEd25519 ed25519) => SignatureType == Cosignature
        ? new CosignatureVerifier(Name, PublicKey, ed25519)
        : new Ed25519NoteVerifier(Name, PublicKey, ed25519);

    internal static byte[]? DecodeBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) && Convert.ToBase64String(buffer, 0, written) == text
            ? buffer[..written]
            : null;
    }

    /// <inheritdoc />
    public bool Equals(NoteKey? other) =>
        other is not null && Name == other.Name && SignatureType == other.SignatureType && PublicKey.AsSpan().SequenceEqual(other.PublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, SignatureType, KeyId);
}
