namespace Credstack.Server.VcApi;

/// <summary>One status to set: the status entry's <c>type</c> and the new <c>status</c> (<c>revoked</c>, <c>suspended</c>, <c>active</c>).</summary>
internal sealed record CredentialStatusUpdate(string? Type, string? Status);
