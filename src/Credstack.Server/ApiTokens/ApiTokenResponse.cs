namespace Credstack.Server.ApiTokens;

/// <summary>An API token as listed: never its secret.</summary>
internal sealed record ApiTokenResponse(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public static ApiTokenResponse From(ApiToken token) =>
        new(token.Id, token.Name, token.ScopeList, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
}
