namespace Credstack.Server.ApiTokens;

/// <summary>The answer to creating a token: the only time <see cref="Token"/> is shown; the server keeps only its hash.</summary>
internal sealed record CreatedApiTokenResponse(ApiTokenResponse Details, string Token);
