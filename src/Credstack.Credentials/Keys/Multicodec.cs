// Multicodec table (github.com/multiformats/multicodec, table.csv) and unsigned-varint
// (github.com/multiformats/unsigned-varint): the key codes the Multikey format (Controlled
// Identifiers 1.0 §2.2.2) and did:key use. Each code is written as an LEB128 varint.
namespace Credstack.Credentials.Keys;

internal static class Multicodec
{
    public const ulong Ed25519Public = 0xed;
    public const ulong Ed25519Private = 0x1300;
    public const ulong P256Public = 0x1200;
    public const ulong P384Public = 0x1201;
    public const ulong P256Private = 0x1306;
    public const ulong P384Private = 0x1307;

    public static ulong PublicKeyCodec(KeyType keyType) => keyType switch
    {
        KeyType.Ed25519 => Ed25519Public,
        KeyType.P256 => P256Public,
        KeyType.P384 => P384Public,
        _ => throw new NotSupportedException($"{keyType} has no Multikey public key codec."),
    };

    public static ulong PrivateKeyCodec(KeyType keyType) => keyType switch
    {
        KeyType.Ed25519 => Ed25519Private,
        KeyType.P256 => P256Private,
        KeyType.P384 => P384Private,
        _ => throw new NotSupportedException($"{keyType} has no Multikey private key codec."),
    };

    public static string Name(ulong codec) => codec switch
    {
        Ed25519Public => "ed25519-pub",
        Ed25519Private => "ed25519-priv",
        P256Public => "p256-pub",
        P384Public => "p384-pub",
        P256Private => "p256-priv",
        P384Private => "p384-priv",
        _ => $"0x{codec:x}",
    };

    /// <summary>Writes <paramref name="value"/> as an unsigned varint; returns the bytes written.</summary>
    public static int WriteVarint(ulong value, Span<byte> destination)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)((value & 0x7f) | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>
    /// Reads an unsigned varint. False for an empty, unterminated, over-long (more than 9 bytes, as the
    /// unsigned-varint spec caps it) or non-minimal encoding.
    /// </summary>
    public static bool TryReadVarint(ReadOnlySpan<byte> source, out ulong value, out int length)
    {
        value = 0;
        length = 0;
        for (var i = 0; i < source.Length && i < 9; i++)
        {
            var b = source[i];
            value |= (ulong)(b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                // A trailing zero group means the encoding was padded: not minimal.
                if (b == 0 && i > 0)
                {
                    return false;
                }

                length = i + 1;
                return true;
            }
        }

        return false;
    }
}
