using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Tests.Dids;

public sealed class DidUrlTests
{
    [Theory]
    [InlineData("did:example:123456789abcdefghi", "example", "123456789abcdefghi", "", null, null)]
    [InlineData("did:web:example.com%3A3000:user:alice", "web", "example.com%3A3000:user:alice", "", null, null)]
    [InlineData("did:key:z6Mk#z6Mk", "key", "z6Mk", "", null, "z6Mk")]
    [InlineData("did:example:123/path/to?service=files#frag", "example", "123", "/path/to", "service=files", "frag")]
    public void DID_Core_examples_parse_into_their_parts(string text, string method, string id, string path, string? query, string? fragment)
    {
        Assert.True(DidUrl.TryParse(text, out var url));
        Assert.Equal(method, url.Method);
        Assert.Equal(id, url.MethodSpecificId);
        Assert.Equal(path, url.Path);
        Assert.Equal(query, url.Query);
        Assert.Equal(fragment, url.Fragment);
        Assert.Equal(text, url.ToString());
        Assert.Equal(path.Length == 0 && query is null && fragment is null, url.IsDid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("did:")]
    [InlineData("did:example")]
    [InlineData("did::123")]
    [InlineData("did:Example:123")]
    [InlineData("did:ex-ample:123")]
    [InlineData("did:example:")]
    [InlineData("did:example:abc:")]
    [InlineData("did:example:ab cd")]
    [InlineData("did:example:ab%zz")]
    [InlineData("did:example:ab%4")]
    [InlineData("DID:example:123")]
    [InlineData("did:example:123#frag ment")]
    [InlineData("did:example:123#\u00e9")]
    [InlineData("https://example.com")]
    public void Malformed_DIDs_are_refused_without_an_exception(string? text) =>
        Assert.False(DidUrl.TryParse(text, out _));

    [Fact]
    public void An_oversized_DID_is_refused() =>
        Assert.False(DidUrl.TryParse("did:example:" + new string('a', DidUrl.MaxLength), out _));
}
