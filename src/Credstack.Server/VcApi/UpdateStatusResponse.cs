namespace Credstack.Server.VcApi;

/// <summary>The answer to a status update: the credential and its status now (<c>active</c>, <c>suspended</c> or <c>revoked</c>).</summary>
internal sealed record UpdateStatusResponse(string CredentialId, string Status);
