using Credstack.Credentials.Model;
using Credstack.Server.Issuers;
using Credstack.Server.Keys;

namespace Credstack.Server.Awards;

/// <summary>The <see cref="IAwardSigner"/> of the Issuers feature: the organization's issuer Profile (its did:web DID) and its <see cref="IssuerSigner"/>.</summary>
internal sealed class IssuerAwardSigner(IssuerProfiles profiles, IssuerSigner signer) : IAwardSigner
{
    public Task<Profile?> FindIssuerAsync(string organizationId, CancellationToken cancellationToken) => profiles.FindAsync(organizationId, cancellationToken);

    public async Task<AwardSignature> SignAsync(string organizationId, ReadOnlyMemory<byte> unsignedCredential, string cryptosuite, CancellationToken cancellationToken)
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
            return AwardSignature.Failed($"the cryptosuite {cryptosuite} is not supported");
        }

        var result = await signer.SignAsync(organizationId, unsignedCredential, suite.Value, cancellationToken);
        return result.Succeeded ? AwardSignature.Signed(result.Credential) : AwardSignature.Failed($"{result.Problem}: {result.Detail}");
    }
}
