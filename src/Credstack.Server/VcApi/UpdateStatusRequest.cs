namespace Credstack.Server.VcApi;

/// <summary>VC-API "update status" request: which credential, and the status entries to set (e.g. <c>{ "type": "BitstringStatusListEntry", "status": "revoked" }</c>).</summary>
internal sealed record UpdateStatusRequest(string? CredentialId, IReadOnlyList<CredentialStatusUpdate>? CredentialStatus);
