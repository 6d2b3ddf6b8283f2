using Credstack.JsonLd.Contexts;

namespace Credstack.JsonLd.Tests.Contexts;

public sealed class CompositeDocumentLoaderTests : IDisposable
{
    private readonly HttpClient _client = new(HttpDocumentLoader.CreateHandler());

    public void Dispose() => _client.Dispose();

    [Fact]
    public void A_pinned_context_is_served_from_the_store_even_when_the_network_loader_would_allow_it()
    {
        var network = new RecordingLoader();
        var loader = new CompositeDocumentLoader(PinnedContextLoader.Default, network);

        var document = loader.Load(new Uri("https://www.w3.org/ns/credentials/v2"));

        Assert.Equal("https://www.w3.org/ns/credentials/v2", document.DocumentUrl);
        Assert.Empty(network.Requested);
    }

    [Fact]
    public void Any_other_url_goes_to_the_network_loader()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json("""{"@context":{}}"""));
        var http = new HttpDocumentLoader(_client, new HttpDocumentLoaderOptions { AllowedPrefixes = [server.Origin], AllowInsecureHttp = true });
        var loader = new CompositeDocumentLoader(PinnedContextLoader.Default, http);

        var document = loader.Load(server.Url("/extra/v1"));

        Assert.Equal(server.Url("/extra/v1").AbsoluteUri, document.DocumentUrl);
        Assert.Equal(["/extra/v1"], server.Requests);
    }

    [Fact]
    public void A_url_neither_pinned_nor_allowed_fails_without_a_request()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json("""{"@context":{}}"""));
        var http = new HttpDocumentLoader(_client, new HttpDocumentLoaderOptions { AllowedPrefixes = [server.Origin + "/allowed/"], AllowInsecureHttp = true });
        var loader = new CompositeDocumentLoader(PinnedContextLoader.Default, http);

        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/elsewhere")));

        Assert.Equal(JsonLdErrorCode.LoadingDocumentFailed, error.Code);
        Assert.Empty(server.Requests);
    }

    private sealed class RecordingLoader : IDocumentLoader
    {
        public List<Uri> Requested { get; } = [];

        public RemoteDocument Load(Uri url, CancellationToken cancellationToken = default)
        {
            Requested.Add(url);
            throw new JsonLdException(JsonLdErrorCode.LoadingDocumentFailed, "not expected");
        }
    }
}
