namespace Credstack.Server.Keys;

/// <summary><c>POST /api/v1/orgs/{orgId}/keys/rotate</c>: which key type to replace (default <c>Ed25519</c>).</summary>
internal sealed record RotateKeyRequest(string? KeyType);
