using System.Net;
using System.Text;
using Credstack.Credentials.Verification;
using Credstack.Server.Hosting;
using Credstack.Server.Verification;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Tests.Verification;

public sealed class DocumentFetcherTests
{
    [Fact]
    public async Task A_url_at_the_public_address_is_answered_by_the_local_sources_without_any_HTTP()
    {
        var source = new FakeSource("/issuers/acme/did.json", "{\"id\":\"did:web:credstack.test:issuers:acme\"}");
        var fetcher = Fetcher(new VerificationOptions(), source);
        var found = await fetcher.FetchAsync(new Uri("https://credstack.test/issuers/acme/did.json"));
        Assert.True(found.Succeeded, found.Error);
        Assert.Equal(source.Content, Encoding.UTF8.GetString(found.Content.Span));

        var missing = await fetcher.FetchAsync(new Uri("https://credstack.test/issuers/other/did.json"));
        Assert.True(missing.NotFound);
        Assert.Equal(["/issuers/acme/did.json", "/issuers/other/did.json"], source.Asked);
    }

    [Fact]
    public async Task Another_host_is_not_fetched_while_remote_lookups_are_off()
    {
        var source = new FakeSource("/x", "{}");
        var result = await Fetcher(new VerificationOptions(), source).FetchAsync(new Uri("https://credstack.test.evil.example/issuers/acme/did.json"));
        Assert.False(result.Succeeded);
        Assert.Contains("AllowRemote", result.Error, StringComparison.Ordinal);
        Assert.Empty(source.Asked);
    }

    [Theory]
    [InlineData("http://issuer.example/did.json", "HTTPS only")]
    [InlineData("https://other.example/did.json", "RemoteHosts")]
    public void Remote_fetches_are_refused_over_plain_HTTP_and_to_hosts_off_the_allow_list(string url, string reason)
    {
        using var remote = new RemoteDocumentFetcher(Options.Create(new VerificationOptions { AllowRemote = true, RemoteHosts = ["issuer.example", ".university.example"] }), TimeProvider.System);
        Assert.Contains(reason, remote.Refusal(new Uri(url)), StringComparison.Ordinal);
        Assert.Null(remote.Refusal(new Uri("https://issuer.example/did.json")));
        Assert.Null(remote.Refusal(new Uri("https://registrar.university.example/did.json")));
        Assert.Null(remote.Refusal(new Uri("https://university.example/did.json")));
    }

    [Fact]
    public async Task Remote_fetches_never_connect_to_a_loopback_or_private_address()
    {
        using var remote = new RemoteDocumentFetcher(Options.Create(new VerificationOptions { AllowRemote = true }), TimeProvider.System);
        var result = await remote.FetchAsync(new Uri("https://127.0.0.1:1/did.json"));
        Assert.False(result.Succeeded);
        Assert.Contains("loopback, private or link-local", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    public void Only_public_addresses_count_as_public(string address, bool expected) =>
        Assert.Equal(expected, RemoteDocumentFetcher.IsPublic(IPAddress.Parse(address)));

    private static ServerDocumentFetcher Fetcher(VerificationOptions options, params ILocalDocumentSource[] sources) =>
        new(sources, new RemoteDocumentFetcher(Options.Create(options), TimeProvider.System), Options.Create(new CredstackOptions { PublicBaseUrl = "https://credstack.test" }), Options.Create(options));

    private sealed class FakeSource(string path, string content) : ILocalDocumentSource
    {
        public string Content => content;

        public List<string> Asked { get; } = [];

        public ValueTask<DocumentFetchResult?> TryFetchAsync(string requested, CancellationToken cancellationToken)
        {
            Asked.Add(requested);
            return ValueTask.FromResult(string.Equals(requested, path, StringComparison.Ordinal) ? DocumentFetchResult.Found(Encoding.UTF8.GetBytes(content)) : null);
        }
    }
}
