namespace Credstack.Server.OpenBadgesApi;

/// <summary>Endpoint metadata: the OAuth scope an access token needs for an Open Badges API operation (OB 3.0 §6.2.1).</summary>
internal sealed record OpenBadgesScopeRequirement(string Scope);
