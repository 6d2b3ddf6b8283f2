using Credstack.Credentials.Model;

namespace Credstack.Server.Awards;

/// <summary>
/// The <see cref="IAwardSigner"/> until an issuer-key implementation is registered: no organization
/// can issue (a 409 "issuer not ready" problem, never a crash). TODO(issue 4): replaced by the
/// Issuers feature's signer when branch <c>issuers</c> is merged.
/// </summary>
internal sealed class UnavailableAwardSigner : IAwardSigner
{
    public Task<Profile?> FindIssuerAsync(string organizationId, CancellationToken cancellationToken) => Task.FromResult<Profile?>(null);

    public Task<AwardSignature> SignAsync(string organizationId, ReadOnlyMemory<byte> unsignedCredential, string cryptosuite, CancellationToken cancellationToken) =>
        Task.FromResult(AwardSignature.Failed("no issuer key is available"));
}
