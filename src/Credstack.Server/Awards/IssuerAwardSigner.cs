using Credstack.Credentials.Model;
using Credstack.Server.Issuers;
using Credstack.Server.Keys;

namespace Credstack.Server.Awards;

/// <summary>The <see cref="IAwardSigner"/> of the Issuers feature: the organization's issuer Profile (its did:web DID) and its <see cref="IssuerSigner"/>.</summary>
internal sealed class IssuerAwardSigner(IssuerProfiles profiles, IssuerSigner signer) : IAwardSigner
{
    public Task<Profile?> FindIssuerAsync(string organizationId, CancellationToken cancellationToken) => profiles.FindAsync(organizationId, cancellationToken);

    public async Task<AwardSignature> SignAsync(string organizationId, ReadOnlyMemory<byte> unsignedCredential, string cryptosuite, CancellationToken cancellationToken) =>
        (await SignManyAsync(organizationId, [unsignedCredential], cryptosuite, cancellationToken))[0];

    public async Task<IReadOnlyList<AwardSignature>> SignManyAsync(
        string organizationId, IReadOnlyList<ReadOnlyMemory<byte>> unsignedCredentials, string cryptosuite, CancellationToken cancellationToken)
    {
        IssuerSigningSuite? suite = cryptosuite switch
        {
            "eddsa-rdfc-2022" => IssuerSigningSuite.EddsaRdfc2022,
            "eddsa-jcs-2022" => IssuerSigningSuite.EddsaJcs2022,
            "ecdsa-rdfc-2019" => IssuerSigningSuite.EcdsaRdfc2019,
            "ecdsa-jcs-2019" => IssuerSigningSuite.EcdsaJcs2019,
            _ => null,
        };
        if (suite is null)
        {
            return [.. unsignedCredentials.Select(_ => AwardSignature.Failed($"the cryptosuite {cryptosuite} is not supported"))];
        }

        var results = await signer.SignManyAsync(organizationId, unsignedCredentials, suite.Value, cancellationToken);
        return [.. results.Select(r => r.Succeeded ? AwardSignature.Signed(r.Credential) : AwardSignature.Failed($"{r.Problem}: {r.Detail}"))];
    }
}
