using Credstack.Server.Organizations;

namespace Credstack.Server.Access;

/// <summary>
/// Endpoint metadata: the least role a member needs, and the scope an API token needs (null: API
/// tokens may not call it). The last one on an endpoint wins, so an endpoint can tighten its group's.
/// </summary>
internal sealed record OrgAccessRequirement(OrgRole MinimumRole, string? TokenScope);
