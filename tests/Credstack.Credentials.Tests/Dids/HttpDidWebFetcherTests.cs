using System.Net;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Tests.Dids;

public sealed class HttpDidWebFetcherTests
{
    private static readonly Uri Url = new("https://issuer.example.com/.well-known/did.json");

    [Fact]
    public async Task A_document_is_fetched_over_HTTPS()
    {
        using var handler = new FakeHttpHandler((r, _) => Task.FromResult(FakeHttpHandler.Ok("{\"id\":\"did:web:issuer.example.com\"}")));
        using var fetcher = new HttpDidWebFetcher(handler);

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("{\"id\":\"did:web:issuer.example.com\"}", System.Text.Encoding.UTF8.GetString(result.Body.Span));
    }

    [Fact]
    public async Task A_plain_HTTP_URL_is_refused_without_a_request()
    {
        using var handler = new FakeHttpHandler((r, _) => Task.FromResult(FakeHttpHandler.Ok("{}")));
        using var fetcher = new HttpDidWebFetcher(handler);

        var result = await fetcher.FetchAsync(new Uri("http://issuer.example.com/.well-known/did.json"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("http://issuer.example.com/.well-known/did.json")]
    [InlineData("https://evil.example.org/did.json")]
    [InlineData("https://issuer.example.com:8443/did.json")]
    [InlineData("file:///etc/passwd")]
    public async Task A_redirect_off_the_host_or_off_HTTPS_is_refused(string target)
    {
        using var handler = FakeHttpHandler.Redirect(Url.AbsoluteUri, target, "{}");
        using var fetcher = new HttpDidWebFetcher(handler);

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("redirect", result.Failure, StringComparison.OrdinalIgnoreCase);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_relative_redirect_on_the_same_host_is_followed()
    {
        using var handler = FakeHttpHandler.Redirect(Url.AbsoluteUri, "/moved/did.json", "{\"moved\":true}");
        using var fetcher = new HttpDidWebFetcher(handler);

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal("https://issuer.example.com/moved/did.json", handler.Requests[1].AbsoluteUri);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_the_limit()
    {
        using var handler = new FakeHttpHandler((r, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.TemporaryRedirect)
        {
            Headers = { Location = r.RequestUri },
            RequestMessage = r,
        }));
        using var fetcher = new HttpDidWebFetcher(handler);

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(HttpDidWebFetcher.MaxRedirects + 1, handler.Requests.Count);
    }

    [Fact]
    public async Task An_answer_from_another_host_after_an_automatic_redirect_is_refused()
    {
        using var handler = new FakeHttpHandler((r, _) =>
        {
            var response = FakeHttpHandler.Ok("{}");
            response.RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.example.net/did.json");
            return Task.FromResult(response);
        });
        using var fetcher = new HttpDidWebFetcher(handler);

        Assert.False((await fetcher.FetchAsync(Url, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task A_response_over_the_size_cap_is_refused()
    {
        using var handler = new FakeHttpHandler((r, _) => Task.FromResult(FakeHttpHandler.Ok(new string(' ', 2048))));
        using var fetcher = new HttpDidWebFetcher(handler) { MaxResponseBytes = 1024 };

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("larger", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_a_failure()
    {
        using var handler = new FakeHttpHandler(async (r, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return FakeHttpHandler.Ok("{}");
        });
        using var fetcher = new HttpDidWebFetcher(handler) { Timeout = TimeSpan.FromMilliseconds(100) };

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("longer than", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, true)]
    [InlineData(HttpStatusCode.Gone, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    public async Task Missing_documents_and_server_errors_are_told_apart(HttpStatusCode status, bool notFound)
    {
        using var handler = new FakeHttpHandler((r, _) => Task.FromResult(new HttpResponseMessage(status) { RequestMessage = r }));
        using var fetcher = new HttpDidWebFetcher(handler);

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(notFound, result.NotFound);
    }

    [Fact]
    public void A_handler_that_follows_redirects_on_its_own_is_refused()
    {
        using var following = new SocketsHttpHandler();
        using var notFollowing = new SocketsHttpHandler { AllowAutoRedirect = false };

        Assert.Throws<ArgumentException>(() => new HttpDidWebFetcher(following));
        using var fetcher = new HttpDidWebFetcher(notFollowing);
    }

    [Fact]
    public async Task A_network_error_is_a_failure_value()
    {
        using var handler = new FakeHttpHandler((r, _) => throw new HttpRequestException("connection refused"));
        using var fetcher = new HttpDidWebFetcher(handler);

        var result = await fetcher.FetchAsync(Url, CancellationToken.None);

        Assert.Contains("connection refused", result.Failure, StringComparison.Ordinal);
    }
}
