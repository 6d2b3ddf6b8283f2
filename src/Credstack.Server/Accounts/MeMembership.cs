namespace Credstack.Server.Accounts;

/// <summary>One organization the signed-in account belongs to.</summary>
internal sealed record MeMembership(string OrganizationId, string OrganizationName, string Role);
