using System.Text.Json;

namespace Credstack.Server.VcApi;

/// <summary>
/// VC-API "update status" request, in either shape clients send: the VC-API's
/// <c>{ "credentialId", "credentialStatus": { "type", "statusPurpose" }, "status": true }</c> (<c>status</c> defaults to
/// true, as the W3C Bitstring Status List test suite sends none), or the earlier
/// <c>{ "credentialId", "credentialStatus": [{ "type", "status": "revoked" | "suspended" | "active" }] }</c>.
/// </summary>
internal sealed record UpdateStatusRequest(string? CredentialId, JsonElement CredentialStatus, JsonElement Status);
