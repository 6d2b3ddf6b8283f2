using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Dids;

/// <summary>
/// One issuer key to publish in a did:web document. A retired key stays listed (verificationMethod and
/// assertionMethod) so credentials it signed keep verifying; only current keys are listed for authentication
/// and capability invocation. Remove a compromised key entirely instead of retiring it.
/// </summary>
/// <param name="Fragment">The fragment naming the key (<c>key-2026-01</c>), without '#'.</param>
/// <param name="Key">The public key.</param>
/// <param name="Retired">True for a key that no longer signs new credentials.</param>
public sealed record DidWebKey(string Fragment, VerificationKey Key, bool Retired = false);
