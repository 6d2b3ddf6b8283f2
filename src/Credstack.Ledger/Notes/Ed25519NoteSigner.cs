// C2SP signed-note, "Ed25519 signatures": RFC 8032 Ed25519 over the note text, signature type 0x01.
// The private key string is the form Go's golang.org/x/mod/sumdb/note writes and reads:
// "PRIVATE+KEY+<name>+hex(key ID)+base64(0x01 || 32-byte seed)".
using System.Globalization;
using System.Security.Cryptography;

namespace Credstack.Ledger.Notes;

/// <summary>Signs notes (log checkpoints) with an Ed25519 key.</summary>
public sealed class Ed25519NoteSigner : NoteSigner
{
    private const string PrivatePrefix = "PRIVATE+KEY+";
    private readonly byte[] _seed;
    private readonly IEd25519 _ed25519;

    /// <summary>Creates a signer for the key named <paramref name="name"/> with the 32-byte private <paramref name="seed"/>.</summary>
    public Ed25519NoteSigner(string name, ReadOnlySpan<byte> seed, IEd25519 ed25519)
    {
        ArgumentNullException.ThrowIfNull(ed25519);
        if (!NoteKey.IsValidName(name))
        {
            throw new ArgumentException("A key name must be non-empty and contain no spaces or '+'.", nameof(name));
        }

        if (seed.Length != 32)
        {
            throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
        }

        _seed = seed.ToArray();
        _ed25519 = ed25519;
        Key = new NoteKey(name, NoteKey.Ed25519, ed25519.PublicKeyFromSeed(_seed));
    }

    /// <inheritdoc />
    public override NoteKey Key { get; }

    /// <summary>Creates a signer with a fresh random key.</summary>
    public static Ed25519NoteSigner Generate(string name, IEd25519 ed25519)
    {
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        try
        {
            return new Ed25519NoteSigner(name, seed, ed25519);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Reads a signer from its private key string.</summary>
    public static Outcome<Ed25519NoteSigner> FromPrivateKey(string? privateKey, IEd25519 ed25519)
    {
        ArgumentNullException.ThrowIfNull(ed25519);
        if (privateKey is null || !privateKey.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        {
            return Outcome<Ed25519NoteSigner>.Failure("the private key does not start with PRIVATE+KEY+");
        }

        var rest = privateKey.Trim()[PrivatePrefix.Length..];
        var first = rest.IndexOf('+', StringComparison.Ordinal);
        var second = first < 0 ? -1 : rest.IndexOf('+', first + 1);
        if (first <= 0 || second < 0)
        {
            return Outcome<Ed25519NoteSigner>.Failure("the private key is not of the form PRIVATE+KEY+name+keyid+base64");
        }

        var name = rest[..first];
        var material = NoteKey.DecodeBase64(rest[(second + 1)..]);
        if (!NoteKey.IsValidName(name) || material is null || material.Length != 33 || material[0] != NoteKey.Ed25519)
        {
            return Outcome<Ed25519NoteSigner>.Failure("the private key is not an Ed25519 key with a valid name");
        }

        var signer = new Ed25519NoteSigner(name, material.AsSpan(1), ed25519);
        CryptographicOperations.ZeroMemory(material);
        return rest[(first + 1)..second] == signer.Key.KeyId.ToString("x8", CultureInfo.InvariantCulture)
            ? Outcome<Ed25519NoteSigner>.Success(signer)
            : Outcome<Ed25519NoteSigner>.Failure("the private key's key ID does not match its name and key");
    }

    /// <summary>The private key string; keep it secret.</summary>
    public string ToPrivateKey() =>
        $"{PrivatePrefix}{Key.Name}+{Key.KeyId.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String([NoteKey.Ed25519, .. _seed])}";

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> text) => _ed25519.Sign(_seed, text);
}
