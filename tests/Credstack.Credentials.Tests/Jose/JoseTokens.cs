using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Jose;

/// <summary>Builds hand-made tokens for negative tests and reads the parts of real ones.</summary>
internal static class JoseTokens
{
    public static string Sign(string headerJson, string payloadJson, SigningKey key) =>
        CompactJws.Sign(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson), key);

    public static string Unsigned(string headerJson, string payloadJson, byte[] signature) =>
        string.Join('.', B64(headerJson), B64(payloadJson), Base64Url.EncodeToString(signature));

    public static string B64(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public static JsonElement Part(string token, int index) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[index])).RootElement;

    public static byte[] PayloadBytes(string token) => Base64Url.DecodeFromChars(token.Split('.')[1]);
}
