namespace Credstack.Server.Organizations;

/// <summary><c>POST /api/v1/orgs/{orgId}/members</c>: adds an existing account by its e-mail address.</summary>
internal sealed record AddMemberRequest(string? Email, string? Role);
