// W3C Bitstring Status List v1.0, §3.1: "verify the status list credential" before trusting it.
// Data Integrity / VC-JOSE verification lives elsewhere in Credstack.Credentials; the status
// checker only asks this delegate.
using System.Text.Json;

namespace Credstack.Credentials.Status;

/// <summary>
/// Verifies the proof (and issuer) of a fetched status list credential. The verifier supplies it;
/// the checker trusts a list only when it returns <see cref="StatusListProofResult.Valid"/>.
/// </summary>
/// <param name="statusListCredential">The parsed status list credential.</param>
/// <param name="content">The exact bytes fetched, for verifiers that need them.</param>
/// <param name="cancellationToken">Cancels the verification.</param>
public delegate ValueTask<StatusListProofResult> StatusListProofVerifier(
    JsonElement statusListCredential, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
