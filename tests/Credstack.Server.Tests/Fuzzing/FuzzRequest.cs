namespace Credstack.Server.Tests.Fuzzing;

/// <summary>
/// One bad request of the endpoint fuzz test: what kind of bad input it is (<paramref name="Kind"/>, shown when it
/// fails), the method, the path with its query, and the body (null: none) with its Content-Type (null: none).
/// </summary>
internal sealed record FuzzRequest(string Kind, string Method, string PathAndQuery, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(PathAndQuery, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body"
            : Body.Length > 80 ? $"{Body.Length} bytes of {ContentType ?? "no type"}"
            : $"{ContentType ?? "no type"} {Readable(Body)}";
        var path = PathAndQuery.Length > 160 ? PathAndQuery[..160] + "…" : PathAndQuery;
        return $"[{Kind}] {Method} {path} ({body})";
    }

    // Text when the bytes are UTF-8 (control characters escaped), hex otherwise.
    private static string Readable(byte[] bytes)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return System.Text.Json.JsonSerializer.Serialize(text);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return "0x" + Convert.ToHexString(bytes);
        }
    }
}
