using Credstack.Credentials.Status;
using Credstack.Server.StatusLists;

namespace Credstack.Server.Awards;

/// <summary>Maps stored awards to <see cref="AwardResponse"/>.</summary>
internal sealed class AwardResponses(StatusListUrls urls, TimeProvider time)
{
    public AwardResponse From(Award award) => new(
        award.Id,
        award.CredentialId,
        award.AchievementId,
        award.AchievementVersion,
        new AwardRecipientResponse(award.RecipientType, award.Recipient),
        award.Status,
        award.StatusReason,
        award.StatusChangedAt,
        award.IsExpiredAt(time.GetUtcNow()),
        award.ValidFrom,
        award.ValidUntil,
        urls.For(award.OrganizationId, award.StatusListId, StatusPurpose.Revocation).AbsoluteUri,
        award.StatusListIndex,
        award.Cryptosuite,
        award.ReplacesAwardId,
        award.ReplacedByAwardId,
        award.ClaimedByAccountId is not null,
        award.CreatedAt);
}
