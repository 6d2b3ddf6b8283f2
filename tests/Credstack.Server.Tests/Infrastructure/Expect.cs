using System.Net;
using System.Text.Json;

namespace Credstack.Server.Tests.Infrastructure;

/// <summary>Assertions on HTTP responses that show the body when they fail.</summary>
public static class Expect
{
    public static async Task StatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 9457 problem response with <paramref name="status"/> and <paramref name="type"/>; returns the document.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpStatusCode status, string type, HttpResponseMessage response)
    {
        await StatusAsync(status, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        await StatusAsync(status, response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
