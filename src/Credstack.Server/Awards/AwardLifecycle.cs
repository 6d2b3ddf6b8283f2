namespace Credstack.Server.Awards;

/// <summary>
/// Revoke, suspend, reinstate and replace. Each change flips the award's bit in its status list
/// in the same transaction; the list is re-signed by the batching refresher.
/// </summary>
internal sealed class AwardLifecycle(AwardStore awards, AwardIssuer issuer)
{
    public const int MaxReason = 500;

    /// <summary>Revokes for good; the reason is recorded. False when the award does not exist or is already revoked.</summary>
    public Task<bool> RevokeAsync(string organizationId, string awardId, string reason, CancellationToken cancellationToken) =>
        awards.ChangeStatusAsync(organizationId, awardId, [AwardStatuses.Active, AwardStatuses.Suspended], AwardStatuses.Revoked, reason, null, cancellationToken);

    /// <summary>Suspends an active award. False when it does not exist or is not active.</summary>
    public Task<bool> SuspendAsync(string organizationId, string awardId, string? reason, CancellationToken cancellationToken) =>
        awards.ChangeStatusAsync(organizationId, awardId, [AwardStatuses.Active], AwardStatuses.Suspended, reason, null, cancellationToken);

    /// <summary>Reinstates a suspended award. False when it does not exist or is not suspended.</summary>
    public Task<bool> ReinstateAsync(string organizationId, string awardId, string? reason, CancellationToken cancellationToken) =>
        awards.ChangeStatusAsync(organizationId, awardId, [AwardStatuses.Suspended], AwardStatuses.Active, reason, null, cancellationToken);

    /// <summary>
    /// Issues a new credential to the same recipient for the same achievement that names the old
    /// one in <c>relatedResource</c>, then revokes the old one with the reason "superseded".
    /// </summary>
    public async Task<AwardIssueOutcome> ReplaceAsync(
        string organizationId, Award old, byte[] oldCredential, ReplaceAwardRequest request, string? issuedBy, string defaultCryptosuite, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.AchievementVersion is < 1)
        {
            errors["achievementVersion"] = ["Versions start at 1."];
        }

        AwardValidation.ValidateDetails(request.Narrative, request.Evidence, request.Results, request.Cryptosuite, "", errors);
        if (errors.Count > 0)
        {
            return AwardIssueOutcome.Invalid(errors);
        }

        var draft = new AwardDraft(
            old.AchievementId,
            request.AchievementVersion,
            old.RecipientType,
            old.Recipient,
            request.Narrative,
            request.Evidence,
            request.Results,
            request.Cryptosuite ?? defaultCryptosuite,
            request.Notify ?? true,
            old,
            oldCredential);
        var outcome = await issuer.IssueCoreAsync(organizationId, draft, issuedBy, cancellationToken);
        if (outcome.Result is not AwardIssueResult.Issued)
        {
            return outcome;
        }

        // The old award may have been revoked meanwhile; then it stays revoked with its own reason.
        await awards.ChangeStatusAsync(
            organizationId, old.Id, [AwardStatuses.Active, AwardStatuses.Suspended], AwardStatuses.Revoked, AwardStatuses.SupersededReason, outcome.Award!.Id, cancellationToken);
        return outcome;
    }
}
