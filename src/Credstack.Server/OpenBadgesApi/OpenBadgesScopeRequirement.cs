namespace Credstack.Server.OpenBadgesApi;

/// <summary>Endpoint metadata: the OAuth scope an Open Badges API operation needs, for the 403 answer to name it (OB 3.0 §6.2.1).</summary>
internal sealed record OpenBadgesScopeRequirement(string Scope);
