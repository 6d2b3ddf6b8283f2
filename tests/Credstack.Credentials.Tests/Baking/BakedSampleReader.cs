using System.Buffers.Text;
using System.Text.Json;
using Credstack.Credentials.Baking;

namespace Credstack.Credentials.Tests.Baking;

/// <summary>Reads id and type out of an unbaked payload, whether JSON or a compact JWS (VC 2.0 claims or a VC 1.1 "vc" claim).</summary>
internal static class BakedSampleReader
{
    public static (string? Id, string[] Types) IdAndTypes(UnbakeResult result)
    {
        Assert.Equal(UnbakeStatus.Found, result.Status);
        using var json = result.PayloadKind == BakedPayloadKind.Json
            ? JsonDocument.Parse(result.Payload!)
            : JsonDocument.Parse(Base64Url.DecodeFromChars(result.Payload!.Split('.')[1]));
        var credential = json.RootElement.TryGetProperty("vc", out var vc) ? vc : json.RootElement;
        var id = credential.TryGetProperty("id", out var i) ? i.GetString()
            : json.RootElement.TryGetProperty("jti", out var jti) ? jti.GetString() : null;
        var types = credential.GetProperty("type").EnumerateArray().Select(t => t.GetString()!).ToArray();
        return (id, types);
    }
}
