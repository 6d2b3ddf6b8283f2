namespace Credstack.Server.OAuth;

/// <summary>
/// What checking an authorization request gave: the request, or an error to show on a page (the client or
/// redirect URI cannot be trusted), or the URL that carries an RFC 6749 §4.1.2.1 error back to the client.
/// </summary>
internal sealed record AuthorizationRequestOutcome(AuthorizationRequest? Request, string? PageError, string? ErrorRedirect);
