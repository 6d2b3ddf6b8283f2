namespace Credstack.Server.Accounts;

/// <summary><c>GET /api/v1/accounts/me</c>: the signed-in account and the organizations it belongs to.</summary>
internal sealed record MeResponse(AccountResponse Account, IReadOnlyList<MeMembership> Memberships);
