namespace Credstack.Ledger.Monitoring;

/// <summary>One period during which an issuer key was valid for issuing, as the log records it.</summary>
/// <param name="Issuer">The issuer's DID.</param>
/// <param name="KeyId">The verification method id.</param>
/// <param name="PublicKeyMultibase">The public key.</param>
/// <param name="From">When the key was added or rotated in.</param>
/// <param name="Until">When it was rotated out or retired; null while it is still valid.</param>
public sealed record KeyValidity(string Issuer, string KeyId, string PublicKeyMultibase, DateTimeOffset From, DateTimeOffset? Until);
