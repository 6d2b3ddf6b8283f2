namespace Credstack.Server.Accounts;

/// <summary>Sign-up: <c>POST /api/v1/accounts</c>.</summary>
internal sealed record CreateAccountRequest(string? Email, string? Password, string? DisplayName);
