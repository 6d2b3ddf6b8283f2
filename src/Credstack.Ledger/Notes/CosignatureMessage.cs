// C2SP tlog-cosignature v1, "Ed25519 signed message": "cosignature/v1\n", "time <POSIX seconds>\n",
// then the whole cosigned note text. The signature is a timestamped_signature: a big-endian u64
// timestamp followed by the 64-byte Ed25519 signature.
using System.Globalization;
using System.Text;

namespace Credstack.Ledger.Notes;

internal static class CosignatureMessage
{
    public static byte[] Build(long timestamp, ReadOnlySpan<byte> text)
    {
        var header = Encoding.ASCII.GetBytes($"cosignature/v1\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\n");
        return [.. header, .. text];
    }
}
