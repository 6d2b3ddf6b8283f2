namespace Credstack.Server.Tests.Access;

/// <summary>
/// One organization endpoint in the authorization matrix: its method and route pattern (as mapped,
/// with <c>{orgId}</c>), the least member role that may call it, and the API token scope that may
/// (null: no token may). Other route parameters are filled with ids that do not exist, and
/// <paramref name="Body"/> is sent as JSON when given.
/// </summary>
public sealed record AuthorizationRow(string Method, string Pattern, string MinimumRole, string? TokenScope, object? Body = null);
