using System.Security.Claims;
using Credstack.Credentials.Model;
using Credstack.Server.Access;
using Credstack.Server.Accounts;
using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Hosting;
using Credstack.Server.Issuers;
using Credstack.Server.Organizations;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Sharing;

/// <summary>
/// Loads a credential for its public page and downloads and applies the one visibility rule: strangers see it only when
/// the learner made it public; the claiming learner and members of the issuing organization always do. Everyone else
/// gets null (a 404: a private credential's existence is not revealed).
/// </summary>
internal sealed class SharedCredentialReader(
    AwardStore awards,
    AwardSharingStore sharing,
    MembershipStore memberships,
    AccountStore accounts,
    AchievementStore achievements,
    AchievementImageStore images,
    IssuerIdentity identity,
    IOptions<CredstackOptions> options)
{
    public const int MaxAwardIdLength = 64;

    public async Task<SharedCredential?> ReadAsync(string awardId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (awardId.Length is 0 or > MaxAwardIdLength)
        {
            return null;
        }

        var award = await awards.FindByIdAsync(awardId, cancellationToken);
        var bytes = award is null ? null : await awards.ReadCredentialAsync(award.Id, cancellationToken);
        if (award is null || bytes is null)
        {
            return null;
        }

        var viewer = await ViewerAsync(award, user, cancellationToken);
        var isPublic = (await sharing.FindAsync(award.Id, cancellationToken))?.IsPublic ?? false;
        if (viewer is CredentialViewer.Stranger && !isPublic)
        {
            return null;
        }

        var credential = AchievementCredential.Parse(bytes).Value;
        var recipient = award.ClaimedByAccountId is { } accountId ? await accounts.FindByIdAsync(accountId, cancellationToken) : null;
        return new SharedCredential
        {
            Award = award,
            Bytes = bytes,
            Credential = credential,
            Viewer = viewer,
            IsPublic = isPublic,
            RecipientName = recipient?.DisplayName,
            IssuerName = credential?.Issuer.Name ?? award.OrganizationId,
            IssuerProfileUrl = identity.ProfileUrl(award.OrganizationId),
            PageUrl = PageUrl(award.Id),
        };
    }

    /// <summary>The absolute URL of the public page of <paramref name="awardId"/>.</summary>
    public string PageUrl(string awardId) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/badges/{Uri.EscapeDataString(awardId)}";

    /// <summary>The achievement's uploaded image (PNG, JPEG or SVG), or null when it has none.</summary>
    public async Task<AchievementImage?> ImageAsync(Award award, CancellationToken cancellationToken)
    {
        var version = await achievements.FindAsync(award.OrganizationId, award.AchievementId, award.AchievementVersion, cancellationToken);
        return version?.ReadDefinition().ImageId is { } imageId ? await images.FindAsync(award.OrganizationId, imageId, cancellationToken) : null;
    }

    private async Task<CredentialViewer> ViewerAsync(Award award, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A session only: an API token acts for an organization, not as a person looking at a page.
        if (user.FindFirstValue(CredstackClaims.AccountId) is not { } accountId || user.FindFirstValue(CredstackClaims.TokenId) is not null)
        {
            return CredentialViewer.Stranger;
        }

        if (string.Equals(award.ClaimedByAccountId, accountId, StringComparison.Ordinal))
        {
            return CredentialViewer.Learner;
        }

        return await memberships.FindRoleAsync(award.OrganizationId, accountId, cancellationToken) is not null
            ? CredentialViewer.IssuerMember
            : CredentialViewer.Stranger;
    }
}
