using Credstack.Credentials.Keys;

namespace Credstack.Server.VcApi;

/// <summary>An organization's VC-API signing key, ready to sign: its DID (the issuer id), verification method and key.</summary>
internal sealed record VcApiIssuerKey(string Did, string VerificationMethod, SigningKey Key);
