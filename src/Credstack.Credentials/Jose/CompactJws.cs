// JWS Compact Serialization, RFC 7515 §3.1 and §7.1: BASE64URL(header) '.' BASE64URL(payload) '.' BASE64URL(signature),
// signed over ASCII(BASE64URL(header) '.' BASE64URL(payload)) (§5.1). Parsing never throws on bad input.
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>A compact JWS split into its decoded parts.</summary>
internal sealed class CompactJws
{
    // RFC 7515 §4: a header with duplicate names MUST be rejected or use the last; rejecting is the safe choice.
    internal static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    // '+' in "vc+jwt" stays readable; the text is base64url-encoded afterwards, so HTML escaping buys nothing.
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private CompactJws(byte[] header, byte[] payload, byte[] signature, byte[] signingInput)
    {
        Header = header;
        Payload = payload;
        Signature = signature;
        SigningInput = signingInput;
    }

    public byte[] Header { get; }

    public byte[] Payload { get; }

    public byte[] Signature { get; }

    public byte[] SigningInput { get; }

    /// <summary>Splits and decodes a token; returns a problem detail instead of throwing.</summary>
    public static CompactJws? TryParse(string token, out string? detail)
    {
        var first = token.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (first < 0 || second < 0 || token.IndexOf('.', second + 1) >= 0)
        {
            detail = token.Count(c => c == '.') == 4
                ? "The token has five parts: JWE (encrypted) tokens are not supported."
                : "A compact JWS has exactly three base64url parts separated by '.'.";
            return null;
        }

        var span = token.AsSpan();
        if (!TryDecode(span[..first], out var header) || header.Length == 0)
        {
            detail = "The protected header is not base64url.";
            return null;
        }

        if (!TryDecode(span[(first + 1)..second], out var payload))
        {
            detail = "The payload is not base64url.";
            return null;
        }

        if (!TryDecode(span[(second + 1)..], out var signature))
        {
            detail = "The signature is not base64url.";
            return null;
        }

        detail = null;
        return new CompactJws(header, payload, signature, Encoding.ASCII.GetBytes(token, 0, second));
    }

    /// <summary>Signs <paramref name="header"/> and <paramref name="payload"/> (exact bytes) into a compact JWS.</summary>
    public static string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, SigningKey key)
    {
        var headerLength = Base64Url.GetEncodedLength(header.Length);
        var payloadLength = Base64Url.GetEncodedLength(payload.Length);
        var signingInput = new byte[headerLength + 1 + payloadLength];
        Base64Url.EncodeToUtf8(header, signingInput);
        signingInput[headerLength] = (byte)'.';
        Base64Url.EncodeToUtf8(payload, signingInput.AsSpan(headerLength + 1));
        var signature = key.Sign(signingInput);
        return string.Concat(Encoding.ASCII.GetString(signingInput), ".", Base64Url.EncodeToString(signature));
    }

    private static bool TryDecode(ReadOnlySpan<char> part, out byte[] bytes)
    {
        // Base64Url.IsValid tolerates whitespace and padding; RFC 7515 §2 allows neither.
        foreach (var c in part)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                bytes = [];
                return false;
            }
        }

        if (!Base64Url.IsValid(part, out var length))
        {
            bytes = [];
            return false;
        }

        bytes = new byte[length];
        return Base64Url.DecodeFromChars(part, bytes) == length;
    }
}
