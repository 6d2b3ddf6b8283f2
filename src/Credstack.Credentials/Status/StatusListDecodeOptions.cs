// W3C Bitstring Status List v1.0, §3.1 (length check) and §6 "Security Considerations"
// (a verifier must not let a published list exhaust its memory).
namespace Credstack.Credentials.Status;

/// <summary>Limits applied when decoding an <c>encodedList</c>.</summary>
public sealed record StatusListDecodeOptions
{
    /// <summary>The defaults: minimum 131,072 entries, at most 1 MiB of text and 16 MiB decompressed.</summary>
    public static StatusListDecodeOptions Default { get; } = new();

    /// <summary>Fewest entries accepted (STATUS_LIST_LENGTH_ERROR below it).</summary>
    public int MinimumLength { get; init; } = StatusList.MinimumLength;

    /// <summary>Longest <c>encodedList</c> string accepted, in characters.</summary>
    public int MaxEncodedLength { get; init; } = 1024 * 1024;

    /// <summary>Largest decompressed bitstring accepted, in bytes (16 MiB = 134 million 1-bit entries).</summary>
    public long MaxDecompressedBytes { get; init; } = 16L * 1024 * 1024;
}
