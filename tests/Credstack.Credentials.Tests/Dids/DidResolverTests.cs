using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Dids;

public sealed class DidResolverTests
{
    private const string WebDid = "did:web:issuer.example.com";
    private const string WebUrl = "https://issuer.example.com/.well-known/did.json";

    [Theory]
    [InlineData(null, DidProblem.InvalidDid)]
    [InlineData("", DidProblem.InvalidDid)]
    [InlineData("garbage", DidProblem.InvalidDid)]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#frag", DidProblem.InvalidDid)]
    [InlineData("did:ion:EiClkZMDxPKqC9c-umQfTkR8vvZ9JPhl_xLDI9Nfk38w5w", DidProblem.UnsupportedDidMethod)]
    [InlineData("did:web:issuer.example.com", DidProblem.UnsupportedDidMethod)]
    public async Task Bad_or_unsupported_DIDs_resolve_to_a_problem_code(string? did, string problem)
    {
        var result = await new DidResolver().ResolveAsync(did);

        Assert.False(result.Succeeded);
        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public async Task A_did_web_resolves_through_the_fetcher_and_is_cached()
    {
        using var key = Ed25519SigningKey.Generate();
        var json = DidWeb.CreateDocument(WebDid, [new DidWebKey("key-1", key.PublicKey)]).ToJson();
        var fetcher = new FakeDidWebFetcher().Serve(WebUrl, json);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var resolver = new DidResolver(new DidWebResolver(fetcher, clock));

        var first = await resolver.ResolveAsync(WebDid);
        var second = await resolver.ResolveAsync(WebDid);
        clock.Advance(TimeSpan.FromMinutes(6));
        var third = await resolver.ResolveAsync(WebDid);

        Assert.True(first.Succeeded, first.Detail);
        Assert.True(second.Succeeded);
        Assert.True(third.Succeeded);
        Assert.Equal(2, fetcher.Requests.Count);
        Assert.Equal(WebUrl, fetcher.Requests[0].AbsoluteUri);
    }

    [Fact]
    public async Task A_did_web_document_for_another_DID_is_invalid()
    {
        var json = DidWeb.CreateDocument("did:web:evil.example.org", []).ToJson();
        var resolver = new DidResolver(new DidWebResolver(new FakeDidWebFetcher().Serve(WebUrl, json)));

        var result = await resolver.ResolveAsync(WebDid);

        Assert.Equal(DidProblem.InvalidDidDocument, result.Problem);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"id\": 42}")]
    [InlineData("{\"id\": \"not a did\"}")]
    [InlineData("{\"id\": \"did:web:issuer.example.com\", \"assertionMethod\": 5}")]
    [InlineData("{\"id\": \"did:web:issuer.example.com\", \"@context\": 5}")]
    [InlineData("{\"id\": \"did:web:issuer.example.com\", \"controller\": {\"id\": \"x\"}}")]
    public async Task Malformed_did_web_documents_are_invalid_not_exceptions(string json)
    {
        var resolver = new DidResolver(new DidWebResolver(new FakeDidWebFetcher().Serve(WebUrl, json)));

        var result = await resolver.ResolveAsync(WebDid);

        Assert.Equal(DidProblem.InvalidDidDocument, result.Problem);
    }

    [Fact]
    public async Task Missing_and_unreachable_did_web_documents_have_distinct_codes()
    {
        var fetcher = new FakeDidWebFetcher().Serve("https://down.example.com/.well-known/did.json", DidWebFetchResult.Failed("timeout"));
        var resolver = new DidResolver(new DidWebResolver(fetcher));

        Assert.Equal(DidProblem.DidNotFound, (await resolver.ResolveAsync(WebDid)).Problem);
        Assert.Equal(DidProblem.DidFetchFailed, (await resolver.ResolveAsync("did:web:down.example.com")).Problem);
        Assert.Equal(DidProblem.InvalidDid, (await resolver.ResolveAsync("did:web:example.com:..:x")).Problem);
    }

    [Fact]
    public async Task A_method_listed_only_for_authentication_is_not_authorized_for_assertions()
    {
        using var key = Ed25519SigningKey.Generate();
        var document = DidWeb.CreateDocument(WebDid, [new DidWebKey("key-1", key.PublicKey)]) with { AssertionMethod = [] };
        var resolver = new DidResolver(new DidWebResolver(new FakeDidWebFetcher().Serve(WebUrl, document.ToJson())));

        var assertion = await resolver.CheckVerificationMethodAsync(WebDid + "#key-1", VerificationRelationship.AssertionMethod, WebDid);
        var authentication = await resolver.CheckVerificationMethodAsync(WebDid + "#key-1", VerificationRelationship.Authentication, WebDid);

        Assert.Equal(DidProblem.VerificationMethodNotAuthorized, assertion.Problem);
        Assert.True(authentication.Succeeded, authentication.Detail);
    }

    [Fact]
    public async Task A_method_of_another_DID_fails_the_controller_check()
    {
        using var key = Ed25519SigningKey.Generate();
        var methodId = DidKey.VerificationMethodId(key.PublicKey);

        var result = await new DidResolver().CheckVerificationMethodAsync(methodId, VerificationRelationship.AssertionMethod, "did:web:issuer.example.com");

        Assert.Equal(DidProblem.ControllerMismatch, result.Problem);
    }

    [Fact]
    public async Task A_method_whose_controller_field_names_someone_else_fails_the_controller_check()
    {
        using var key = Ed25519SigningKey.Generate();
        var honest = DidWeb.CreateDocument(WebDid, [new DidWebKey("key-1", key.PublicKey)]);
        var forged = honest with { VerificationMethod = [honest.VerificationMethod![0] with { Controller = "did:web:other.example.com" }] };

        var result = forged.CheckVerificationMethod("#key-1", VerificationRelationship.AssertionMethod, WebDid);

        Assert.Equal(DidProblem.ControllerMismatch, result.Problem);
    }

    [Theory]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkSomethingElse", DidProblem.VerificationMethodNotFound)]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", DidProblem.InvalidDid)]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp/path#x", DidProblem.InvalidDid)]
    [InlineData("did:nope:abc#key", DidProblem.UnsupportedDidMethod)]
    [InlineData("#key-1", DidProblem.InvalidDid)]
    public async Task Dereferencing_bad_method_ids_gives_a_problem_code(string methodId, string problem)
    {
        var result = await new DidResolver().DereferenceAsync(methodId);

        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public async Task Dereferencing_a_did_key_method_gives_its_key()
    {
        using var key = SigningKey.Generate(KeyType.P384);

        var result = await new DidResolver().DereferenceAsync(DidKey.VerificationMethodId(key.PublicKey));

        Assert.True(result.Succeeded, result.Detail);
        using var resolved = result.Method.ToVerificationKey().Key!;
        Assert.True(resolved.HasSamePublicKey(key.PublicKey));
    }

    [Fact]
    public void Embedded_methods_and_relative_references_are_found()
    {
        const string json = """
            {
              "id": "did:web:issuer.example.com",
              "assertionMethod": [
                "#missing",
                { "id": "#embedded", "type": "Multikey", "controller": "did:web:issuer.example.com",
                  "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp" }
              ]
            }
            """;
        var document = DidDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json)).Document!;

        Assert.NotNull(document.FindVerificationMethod("did:web:issuer.example.com#embedded"));
        Assert.True(document.CheckVerificationMethod("#embedded", VerificationRelationship.AssertionMethod, "did:web:issuer.example.com").Succeeded);
        Assert.Equal(DidProblem.VerificationMethodNotFound, document.CheckVerificationMethod("#missing", VerificationRelationship.AssertionMethod, "did:web:issuer.example.com").Problem);
        Assert.Contains("\"#missing\"", document.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_context_objects_survive_a_parse_and_write()
    {
        const string json = """
            {
              "@context": ["https://www.w3.org/ns/did/v1", { "@base": "did:web:issuer.example.com" }],
              "id": "did:web:issuer.example.com",
              "service": [{ "id": "#linked", "type": "LinkedDomains", "serviceEndpoint": "https://issuer.example.com" }]
            }
            """;

        var parsed = DidDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.True(parsed.Succeeded, parsed.Detail);
        Assert.Equal(2, parsed.Document.Context!.Count);
        var written = System.Text.Json.JsonDocument.Parse(parsed.Document.ToJson()).RootElement;
        Assert.Equal("did:web:issuer.example.com", written.GetProperty("@context")[1].GetProperty("@base").GetString());
        Assert.Equal("LinkedDomains", written.GetProperty("service")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void A_verification_method_publishing_a_private_JWK_is_refused()
    {
        using var key = Ed25519SigningKey.Generate();
        var method = new VerificationMethod { Id = "#k", Type = "JsonWebKey", Controller = WebDid, PublicKeyJwk = key.ExportPrivateJwk() };

        Assert.Equal(KeyProblem.InvalidJwk, method.ToVerificationKey().Problem);
    }
}
