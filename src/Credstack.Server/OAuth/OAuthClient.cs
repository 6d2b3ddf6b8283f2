namespace Credstack.Server.OAuth;

/// <summary>A registered OAuth client (RFC 7591). Only the SHA-256 of its secret is kept. Never sent on the wire: see <see cref="ClientRegistrationResponse"/>.</summary>
internal sealed class OAuthClient
{
    public required string Id { get; init; }

    public required string SecretHash { get; init; }

    public required string ClientName { get; init; }

    public required string ClientUri { get; init; }

    public string? LogoUri { get; init; }

    public string? TosUri { get; init; }

    public string? PolicyUri { get; init; }

    public string? SoftwareId { get; init; }

    public string? SoftwareVersion { get; init; }

    /// <summary>Space-separated.</summary>
    public required string RedirectUris { get; init; }

    /// <summary>Space-separated.</summary>
    public required string Scope { get; init; }

    /// <summary>Space-separated: <c>authorization_code</c>, and <c>refresh_token</c> when the client registered it.</summary>
    public required string GrantTypes { get; init; }

    /// <summary>Space-separated; null when none were given.</summary>
    public string? Contacts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<string> RedirectUriList => RedirectUris.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> ScopeList => OAuthScopes.Parse(Scope);

    /// <summary>RFC 7591 §2: a client that registered no refresh_token grant gets no refresh tokens.</summary>
    public bool MayRefresh => GrantTypeList.Contains(OAuthGrantTypes.RefreshToken, StringComparer.Ordinal);

    public IReadOnlyList<string> GrantTypeList => GrantTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when <paramref name="redirectUri"/> is one of the registered URIs, compared exactly (RFC 6749 §3.1.2.3, OAuth security BCP §4.1.3).</summary>
    public bool HasRedirectUri(string redirectUri) => RedirectUriList.Contains(redirectUri, StringComparer.Ordinal);
}
