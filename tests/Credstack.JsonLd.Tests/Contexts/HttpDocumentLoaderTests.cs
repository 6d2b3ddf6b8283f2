using System.Text;
using System.Text.Json;
using Credstack.JsonLd.Contexts;

namespace Credstack.JsonLd.Tests.Contexts;

public sealed class HttpDocumentLoaderTests : IDisposable
{
    private const string Context = """{"@context":{"name":"https://schema.org/name"}}""";

    private readonly HttpClient _client = new(HttpDocumentLoader.CreateHandler());

    public void Dispose() => _client.Dispose();

    [Fact]
    public void Load_fetches_an_allowed_json_ld_document()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context));
        var loader = Loader(server.Origin + "/contexts/");

        var document = loader.Load(server.Url("/contexts/v1"));

        Assert.Equal(server.Url("/contexts/v1").AbsoluteUri, document.DocumentUrl);
        Assert.Equal("application/ld+json", document.ContentType);
        Assert.Equal("https://schema.org/name", document.Document.GetProperty("@context").GetProperty("name").GetString());
        Assert.Equal(["/contexts/v1"], server.Requests);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/vc+json")]
    [InlineData("application/ld+json; charset=utf-8")]
    public void Load_accepts_the_json_media_types(string contentType)
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context, contentType));

        var document = Loader(server.Origin).Load(server.Url("/c"));

        Assert.Equal(JsonValueKind.Object, document.Document.ValueKind);
    }

    [Fact]
    public void Load_refuses_a_url_outside_the_allow_list_without_making_a_request()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context));
        var loader = Loader(server.Origin + "/contexts/");

        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/other/v1")));

        Assert.Equal(JsonLdErrorCode.LoadingDocumentFailed, error.Code);
        Assert.Contains("allow-list", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Load_refuses_another_host_and_another_port_without_making_a_request()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context));
        var loader = Loader(server.Origin);

        Assert.Throws<JsonLdException>(() => loader.Load(new Uri($"http://localhost:{server.Port}/c")));
        Assert.Throws<JsonLdException>(() => loader.Load(new Uri($"http://127.0.0.1:{server.Port + 1}/c")));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_prefix_path_allows_only_whole_segments()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context));
        var loader = Loader(server.Origin + "/ctx");

        loader.Load(server.Url("/ctx/v1"));
        Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/ctx-evil/v1")));

        Assert.Equal(["/ctx/v1"], server.Requests);
    }

    [Fact]
    public void Https_is_required_unless_insecure_http_is_allowed_explicitly()
    {
        var options = new HttpDocumentLoaderOptions { AllowedPrefixes = ["http://127.0.0.1:8080/"] };
        Assert.Throws<ArgumentException>(() => new HttpDocumentLoader(_client, options));

        var httpsOnly = new HttpDocumentLoader(_client, new HttpDocumentLoaderOptions { AllowedPrefixes = ["https://contexts.example/"] });
        var error = Assert.Throws<JsonLdException>(() => httpsOnly.Load(new Uri("http://contexts.example/v1")));
        Assert.Contains("does not use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_times_out_on_a_server_that_does_not_answer()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context) with { Delay = TimeSpan.FromSeconds(30) });
        var loader = Loader(server.Origin, options => options with { Timeout = TimeSpan.FromMilliseconds(300) });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/slow")));

        Assert.Equal(JsonLdErrorCode.LoadingDocumentFailed, error.Code);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Load_times_out_on_a_server_that_stalls_in_the_middle_of_the_body()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context) with { Delay = TimeSpan.FromSeconds(30), StallMidBody = true });
        var loader = Loader(server.Origin, options => options with { Timeout = TimeSpan.FromMilliseconds(500) });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/stall")));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_cancelled_load_throws_operation_cancelled_rather_than_a_loading_error()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context) with { Delay = TimeSpan.FromSeconds(30) });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var loader = Loader(server.Origin);

        Assert.ThrowsAny<OperationCanceledException>(() => loader.Load(server.Url("/slow"), cancellation.Token));
    }

    [Fact]
    public void A_cached_document_is_loaded_again_after_its_time_to_live()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context));
        var clock = new ManualTimeProvider();
        var options = new HttpDocumentLoaderOptions { AllowedPrefixes = [server.Origin], AllowInsecureHttp = true, CacheTimeToLive = TimeSpan.FromMinutes(5) };
        var loader = new HttpDocumentLoader(_client, options, clock);

        loader.Load(server.Url("/c"));
        clock.Advance(TimeSpan.FromMinutes(4));
        loader.Load(server.Url("/c"));
        clock.Advance(TimeSpan.FromMinutes(2));
        loader.Load(server.Url("/c"));

        Assert.Equal(["/c", "/c"], server.Requests);
    }

    [Fact]
    public void Load_stops_reading_a_body_over_the_size_cap_when_no_length_is_declared()
    {
        var big = Encoding.UTF8.GetBytes("{\"@context\":{},\"padding\":\"" + new string('x', 64 * 1024) + "\"}");
        using var server = new LoopbackServer(_ => new LoopbackResponse(200, "application/ld+json", big) { SendContentLength = false });
        var loader = Loader(server.Origin, options => options with { MaxResponseBytes = 16 * 1024 });

        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/big")));

        Assert.Contains("16384-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_a_declared_length_over_the_size_cap_before_reading()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context) with { DeclaredLength = 10_000_000 });
        var loader = Loader(server.Origin, options => options with { MaxResponseBytes = 1024 });

        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/liar")));

        Assert.Contains("declares 10000000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_refuses_a_redirect_to_a_host_outside_the_allow_list()
    {
        var port = 0;
        using var server = new LoopbackServer(_ => LoopbackResponse.Redirect($"http://localhost:{port}/stolen"));
        port = server.Port;
        var loader = Loader(server.Origin);

        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/start")));

        Assert.Contains("Refused to follow the redirect", error.Message, StringComparison.Ordinal);
        Assert.Equal(["/start"], server.Requests);
    }

    [Fact]
    public void Load_follows_an_allowed_redirect_and_reports_the_final_url()
    {
        using var server = new LoopbackServer(path => path == "/old"
            ? LoopbackResponse.Redirect("/new", status: 301)
            : LoopbackResponse.Json(Context));
        var loader = Loader(server.Origin);

        var document = loader.Load(server.Url("/old"));

        Assert.Equal(server.Url("/new").AbsoluteUri, document.DocumentUrl);
        Assert.Equal(["/old", "/new"], server.Requests);
    }

    [Fact]
    public void Load_gives_up_after_five_redirects()
    {
        using var server = new LoopbackServer(path => LoopbackResponse.Redirect(path + "x"));
        var loader = Loader(server.Origin);

        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/r")));

        Assert.Contains("more than 5 redirects", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, server.Requests.Count);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/javascript")]
    [InlineData(null)]
    public void Load_refuses_a_response_that_is_not_json(string? contentType)
    {
        using var server = new LoopbackServer(_ => new LoopbackResponse(200, contentType, Encoding.UTF8.GetBytes(Context)));

        var error = Assert.Throws<JsonLdException>(() => Loader(server.Origin).Load(server.Url("/page")));

        Assert.Contains("not as JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reports_an_http_error_status()
    {
        using var server = new LoopbackServer(_ => new LoopbackResponse(404, "application/json", "{}"u8.ToArray()));

        var error = Assert.Throws<JsonLdException>(() => Loader(server.Origin).Load(server.Url("/missing")));

        Assert.Contains("answered 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reports_invalid_json()
    {
        using var server = new LoopbackServer(_ => new LoopbackResponse(200, "application/json", "{\"@context\":"u8.ToArray()));

        var error = Assert.Throws<JsonLdException>(() => Loader(server.Origin).Load(server.Url("/broken")));

        Assert.Equal(JsonLdErrorCode.LoadingDocumentFailed, error.Code);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_load_of_the_same_url_is_served_from_the_cache()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context));
        var loader = Loader(server.Origin);

        loader.Load(server.Url("/c"));
        loader.Load(server.Url("/c"));

        Assert.Single(server.Requests);
    }

    [Fact]
    public void The_cache_keeps_at_most_its_capacity()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json(Context));
        var loader = Loader(server.Origin, options => options with { CacheCapacity = 2 });

        loader.Load(server.Url("/a"));
        loader.Load(server.Url("/b"));
        loader.Load(server.Url("/c"));
        loader.Load(server.Url("/a"));

        Assert.Equal(2, loader.CachedCount);
        Assert.Equal(["/a", "/b", "/c", "/a"], server.Requests);
    }

    [Fact]
    public void A_plain_json_response_reports_its_context_link_header()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json("{}", "application/json") with
        {
            Headers = [("Link", "</ctx.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"")],
        });

        var document = Loader(server.Origin).Load(server.Url("/doc.json"));

        Assert.Equal(server.Url("/ctx.jsonld").AbsoluteUri, document.ContextUrl);
    }

    [Fact]
    public void Two_context_link_headers_are_an_error()
    {
        using var server = new LoopbackServer(_ => LoopbackResponse.Json("{}", "application/json") with
        {
            Headers = [("Link", "</a.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\", </b.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"")],
        });

        var error = Assert.Throws<JsonLdException>(() => Loader(server.Origin).Load(server.Url("/doc.json")));

        Assert.Equal(JsonLdErrorCode.MultipleContextLinkHeaders, error.Code);
    }

    [Fact]
    public void A_client_that_follows_redirects_itself_is_detected()
    {
        using var server = new LoopbackServer(path => path == "/old" ? LoopbackResponse.Redirect("/new") : LoopbackResponse.Json(Context));
        using var autoRedirect = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        var loader = new HttpDocumentLoader(autoRedirect, new HttpDocumentLoaderOptions { AllowedPrefixes = [server.Origin], AllowInsecureHttp = true });

        var error = Assert.Throws<JsonLdException>(() => loader.Load(server.Url("/old")));

        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_reject_more_than_five_redirects()
    {
        var options = new HttpDocumentLoaderOptions { AllowedPrefixes = ["https://contexts.example/"], MaxRedirects = 6 };

        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpDocumentLoader(_client, options));
    }

    /// <summary>A clock the test moves by hand; timers still run on the system clock.</summary>
    private sealed class ManualTimeProvider : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private HttpDocumentLoader Loader(string prefix, Func<HttpDocumentLoaderOptions, HttpDocumentLoaderOptions>? configure = null)
    {
        var options = new HttpDocumentLoaderOptions { AllowedPrefixes = [prefix], AllowInsecureHttp = true };
        return new HttpDocumentLoader(_client, configure is null ? options : configure(options));
    }
}
