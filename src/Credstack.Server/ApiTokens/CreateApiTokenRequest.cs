namespace Credstack.Server.ApiTokens;

/// <summary><c>POST /api/v1/orgs/{orgId}/tokens</c>.</summary>
/// <param name="Scopes">Any of <see cref="ApiScopes.All"/>.</param>
/// <param name="ExpiresAt">Optional; a token without one lasts until it is revoked.</param>
internal sealed record CreateApiTokenRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
