namespace Credstack.Server.Organizations;

/// <summary><c>POST /api/v1/orgs</c>: the caller becomes the first owner.</summary>
/// <param name="Kind"><c>issuer</c> (default) or <c>employer</c>.</param>
internal sealed record CreateOrganizationRequest(string? Name, string? Kind);
