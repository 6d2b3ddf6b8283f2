using System.Net;
using System.Text;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Hosting;

/// <summary>Request limits as the real server (Kestrel on a loopback port) enforces them.</summary>
public sealed class KestrelLimitTests
{
    private static readonly Dictionary<string, string?> SmallLimit = new() { ["Credstack:Limits:MaxRequestBodyBytes"] = "1000" };

    [Fact]
    public async Task A_chunked_body_that_grows_past_the_limit_is_a_413_problem()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, SmallLimit, kestrel: true);
        var body = "{\"email\":\"" + new string('a', 5000) + "\",\"password\":\"x\",\"displayName\":\"x\"}";
        // A stream of unknown length is sent chunked: no Content-Length to refuse up front.
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await app.Client.PostAsync("/api/v1/accounts", content);
        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", response);
    }

    [Fact]
    public async Task A_declared_length_past_the_limit_is_a_413_problem()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, SmallLimit, kestrel: true);
        var response = await app.Client.PostAsync("/api/v1/accounts", new StringContent(new string(' ', 5000), Encoding.UTF8, "application/json"));
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", response);
    }

    [Fact]
    public async Task Malformed_JSON_through_Kestrel_is_a_400_problem()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, kestrel: true);
        var response = await app.Client.PostAsync("/api/v1/sessions", new StringContent("{\"email\": [", Encoding.UTF8, "application/json"));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", response);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
