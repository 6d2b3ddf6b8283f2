namespace Credstack.Server.Accounts;

/// <summary>Sign-in: <c>POST /api/v1/sessions</c>.</summary>
internal sealed record CreateSessionRequest(string? Email, string? Password);
