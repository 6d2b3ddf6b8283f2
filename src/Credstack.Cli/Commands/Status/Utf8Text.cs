namespace Credstack.Cli.Commands.Status;

/// <summary>Files saved by Windows editors start with a UTF-8 byte order mark, which JSON parsers reject.</summary>
internal static class Utf8Text
{
    public static ReadOnlyMemory<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes;
}
