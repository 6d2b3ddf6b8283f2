using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Dids;

public sealed class DidWebTests
{
    // did:web Method Specification §3.2 examples.
    [Theory]
    [InlineData("did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json")]
    [InlineData("did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json")]
    [InlineData("did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json")]
    [InlineData("did:web:example.com%3a3000", "https://example.com:3000/.well-known/did.json")]
    [InlineData("did:web:Example.COM", "https://example.com/.well-known/did.json")]
    public void A_did_web_maps_to_the_HTTPS_URL_of_its_did_json(string did, string expected)
    {
        Assert.True(DidWeb.TryGetDocumentUrl(did, out var url, out var problem), problem);
        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Theory]
    [InlineData("did:web:example.com:..:admin")]
    [InlineData("did:web:example.com:.")]
    [InlineData("did:web:example.com::x")]
    [InlineData("did:web:example.com:a%2F..%2Fb")]
    [InlineData("did:web:example.com:a%2e%2e")]
    [InlineData("did:web:example.com%2Fevil.org")]
    [InlineData("did:web:example.com%3A0")]
    [InlineData("did:web:example.com%3A70000")]
    [InlineData("did:web:example.com%3Ahttp")]
    [InlineData("did:web:localhost")]
    [InlineData("did:web:127.0.0.1")]
    [InlineData("did:web:-bad-.example.com")]
    [InlineData("did:web:example.com#key-1")]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")]
    [InlineData("not a did")]
    public void Path_traversal_bad_hosts_and_ports_are_refused_with_a_reason(string did)
    {
        Assert.False(DidWeb.TryGetDocumentUrl(did, out var url, out var problem));
        Assert.Null(url);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Theory]
    [InlineData("https://example.com", "did:web:example.com")]
    [InlineData("https://example.com/", "did:web:example.com")]
    [InlineData("https://Issuer.Example.com:8443/issuers/acme", "did:web:issuer.example.com%3A8443:issuers:acme")]
    public void An_HTTPS_base_URL_becomes_a_did_web_that_maps_back_to_it(string baseUrl, string expected)
    {
        var did = DidWeb.CreateDid(new Uri(baseUrl));

        Assert.Equal(expected, did);
        Assert.True(DidWeb.TryGetDocumentUrl(did, out var url, out _));
        Assert.StartsWith(new Uri(baseUrl).GetLeftPart(UriPartial.Authority).ToLowerInvariant(), url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://example.com/?q=1")]
    [InlineData("https://127.0.0.1/")]
    public void Non_HTTPS_or_odd_base_URLs_are_refused(string baseUrl) =>
        Assert.Throws<ArgumentException>(() => DidWeb.CreateDid(new Uri(baseUrl)));

    [Fact]
    public void A_rotated_issuer_document_keeps_the_old_key_for_assertions_only()
    {
        using var old = Ed25519SigningKey.Generate();
        using var current = EcdsaSigningKey.Generate(KeyType.P256);
        using var jwt = RsaSigningKey.Generate();
        const string did = "did:web:issuer.example.com:acme";

        var document = DidWeb.CreateDocument(did,
        [
            new DidWebKey("key-2025", old.PublicKey, Retired: true),
            new DidWebKey("key-2026", current.PublicKey),
            new DidWebKey("jwt-2026", jwt.PublicKey),
        ]);

        Assert.Equal(3, document.VerificationMethod!.Count);
        Assert.True(document.IsAuthorized(did + "#key-2025", VerificationRelationship.AssertionMethod));
        Assert.False(document.IsAuthorized(did + "#key-2025", VerificationRelationship.Authentication));
        Assert.True(document.IsAuthorized("#key-2026", VerificationRelationship.Authentication));
        Assert.True(document.CheckVerificationMethod(did + "#key-2025", VerificationRelationship.AssertionMethod, did).Succeeded);
        Assert.Equal("Multikey", document.FindVerificationMethod("#key-2026")!.Type);
        var jwtMethod = document.FindVerificationMethod("#jwt-2026")!;
        Assert.Equal("JsonWebKey", jwtMethod.Type);
        Assert.False(jwtMethod.PublicKeyJwk!.HasPrivateMembers);
        Assert.Contains(DidDocument.JwkContext, document.Context!);
        using var oldKey = document.FindVerificationMethod("#key-2025")!.ToVerificationKey().Key!;
        Assert.True(oldKey.Verify("old credential"u8, old.Sign("old credential"u8)));
        var json = document.ToJson();
        Assert.DoesNotContain(old.ExportSecretKeyMultibase(), json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_or_invalid_fragments_are_programming_errors()
    {
        using var key = Ed25519SigningKey.Generate();
        const string did = "did:web:issuer.example.com";

        Assert.Throws<ArgumentException>(() => DidWeb.CreateDocument(did, [new DidWebKey("k", key.PublicKey), new DidWebKey("k", key.PublicKey)]));
        Assert.Throws<ArgumentException>(() => DidWeb.CreateDocument(did, [new DidWebKey("a b", key.PublicKey)]));
        Assert.Throws<ArgumentException>(() => DidWeb.CreateDocument("did:web:..", [new DidWebKey("k", key.PublicKey)]));
    }
}
