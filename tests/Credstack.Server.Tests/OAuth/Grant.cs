namespace Credstack.Server.Tests.OAuth;

/// <summary>What a test got from a completed OAuth flow: the client's credentials, the tokens, and the person's browser.</summary>
public sealed record Grant(string ClientId, string Secret, string AccessToken, string? RefreshToken, HttpClient Browser);
