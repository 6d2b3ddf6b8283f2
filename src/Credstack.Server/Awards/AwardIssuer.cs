using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Model;
using Credstack.Credentials.Status;
using Credstack.Server.Accounts;
using Credstack.Server.Delivery;
using Credstack.Server.Hosting;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Awards;

/// <summary>
/// Issues Open Badges 3.0 <c>AchievementCredential</c>s: validates the request, takes the
/// achievement version, reserves a random status list index, builds the credential, has the
/// issuer sign it, stores the exact signed bytes and sends the claim link. The one entry point for
/// single, batch, replacement and bulk (CSV) issuance.
/// </summary>
internal sealed class AwardIssuer(
    IAchievementCatalog achievements,
    IAwardSigner signer,
    StatusListAllocation allocation,
    StatusListUrls statusUrls,
    AwardStore awards,
    ClaimLinks claims,
    IOptions<AwardOptions> awardOptions,
    IOptions<StatusListOptions> statusOptions,
    IOptions<CredstackOptions> options,
    TimeProvider time)
{
    /// <summary>
    /// Issues one award. <paramref name="issuedBy"/> is recorded (an account id, or <c>token:</c> + an API token id).
    /// Expected failures (bad fields, unknown achievement, issuer without a key) are outcomes, not exceptions.
    /// </summary>
    /// <param name="sameTransaction">Runs in the transaction that stores the award (bulk jobs record the row as issued there).</param>
    public async Task<AwardIssueOutcome> IssueAsync(
        string organizationId, AwardRequest request, string? issuedBy, CancellationToken cancellationToken,
        Func<Award, System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken, Task>? sameTransaction = null)
    {
        var errors = AwardValidation.Validate(request);
        if (errors.Count > 0)
        {
            return AwardIssueOutcome.Invalid(errors);
        }

        var recipient = request.Recipient!;
        var draft = new AwardDraft(
            request.AchievementId!.Trim(),
            request.AchievementVersion,
            recipient.Email is not null ? AwardRecipientTypes.Email : AwardRecipientTypes.Did,
            recipient.Email is not null ? AccountStore.NormalizeEmail(recipient.Email) : recipient.Did!,
            request.Narrative,
            request.Evidence,
            request.Results,
            request.Cryptosuite ?? awardOptions.Value.Cryptosuite,
            request.Notify ?? true,
            null,
            null);
        return await IssueCoreAsync(organizationId, draft, issuedBy, cancellationToken, sameTransaction);
    }

    internal async Task<AwardIssueOutcome> IssueCoreAsync(
        string organizationId, AwardDraft draft, string? issuedBy, CancellationToken cancellationToken,
        Func<Award, System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken, Task>? sameTransaction = null)
    {
        var achievement = await achievements.FindAsync(organizationId, draft.AchievementId, draft.AchievementVersion, cancellationToken);
        if (achievement is null)
        {
            return AwardIssueOutcome.Failed(AwardIssueResult.AchievementNotFound, draft.AchievementVersion is { } v
                ? $"The organization has no achievement '{draft.AchievementId}' with version {v}."
                : $"The organization has no achievement '{draft.AchievementId}'.");
        }

        if (achievement.Archived)
        {
            return AwardIssueOutcome.Failed(AwardIssueResult.AchievementArchived, $"The achievement '{draft.AchievementId}' is archived; unarchive it to award it.");
        }

        var issuer = await signer.FindIssuerAsync(organizationId, cancellationToken);
        if (issuer is null)
        {
            return AwardIssueOutcome.Failed(AwardIssueResult.IssuerNotReady, "The organization cannot issue: it is not an issuer organization (employers verify, they do not issue).");
        }

        var now = time.GetUtcNow();
        var validFrom = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var validUntil = achievement.Expiry?.ValidUntil(validFrom);
        var awardId = EntityId.New(time);
        var credentialId = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/credentials/{awardId}";
        var slot = await allocation.AllocateAsync(organizationId, awardId, cancellationToken);

        var unsigned = Build(draft, achievement, issuer, credentialId, validFrom, validUntil, slot);
        var signature = await signer.SignAsync(organizationId, unsigned, draft.Cryptosuite, cancellationToken);
        if (!signature.Succeeded)
        {
            // The reserved index stays taken: indexes are never reused, even unsigned ones.
            return AwardIssueOutcome.Failed(AwardIssueResult.IssuerNotReady, $"The issuer could not sign with {draft.Cryptosuite}: {signature.Problem}");
        }

        var award = new Award
        {
            Id = awardId,
            OrganizationId = organizationId,
            AchievementId = achievement.Id,
            AchievementVersion = achievement.Version,
            RecipientType = draft.RecipientType,
            Recipient = draft.Recipient,
            CredentialId = credentialId,
            Cryptosuite = draft.Cryptosuite,
            Status = AwardStatuses.Active,
            StatusListId = slot.ListId,
            StatusListIndex = slot.Index,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            ReplacesAwardId = draft.Replaces?.Id,
            IssuedBy = issuedBy,
            CreatedAt = now,
        };
        await awards.InsertAsync(award, signature.SignedCredential!, cancellationToken, sameTransaction);
        if (draft.Notify && award.RecipientType is AwardRecipientTypes.Email)
        {
            await claims.SendAsync(award, achievement.Achievement.Name, issuer.Name ?? organizationId, cancellationToken);
        }

        return AwardIssueOutcome.Issued(award, signature.SignedCredential!);
    }

    private byte[] Build(
        AwardDraft draft, AwardableAchievement achievement, Profile issuer, string credentialId, DateTimeOffset validFrom, DateTimeOffset? validUntil, StatusListSlot slot)
    {
        var subject = draft.RecipientType is AwardRecipientTypes.Email
            ? AchievementSubject.ForIdentifiers(achievement.Achievement, IdentityObject.ForEmailAddress(draft.Recipient))
            : AchievementSubject.ForId(draft.Recipient, achievement.Achievement);
        subject = subject with
        {
            Narrative = string.IsNullOrWhiteSpace(draft.Narrative) ? null : draft.Narrative,
            Result = draft.Results is { Count: > 0 } results
                ? [.. results.Select(r => new Result { ResultDescription = r.ResultDescription, Value = r.Value, Status = r.Status, AchievedLevel = r.AchievedLevel })]
                : null,
        };
        var credential = AchievementCredential.Create(issuer, subject, validFrom, validUntil, credentialId) with
        {
            AwardedDate = validFrom,
            Evidence = draft.Evidence is { Count: > 0 } evidence
                ? [.. evidence.Select(e => new Evidence { Id = e.Id, Name = e.Name, Description = e.Description, Narrative = e.Narrative, Genre = e.Genre, Audience = e.Audience })]
                : null,
        };

        var document = JsonNode.Parse(credential.ToUtf8Json())!.AsObject();
        var revocation = StatusEntry(slot, StatusPurpose.Revocation);
        document["credentialStatus"] = statusOptions.Value.EmitSuspensionEntry
            ? new JsonArray(revocation, StatusEntry(slot, StatusPurpose.Suspension))
            : revocation;
        if (draft.Replaces is { } replaced)
        {
            // VC 2.0 §5.3 relatedResource: names the credential this one replaces and pins its exact bytes.
            document["relatedResource"] = new JsonArray(new JsonObject
            {
                ["id"] = replaced.CredentialId,
                ["digestSRI"] = "sha384-" + Convert.ToBase64String(SHA384.HashData(draft.ReplacedCredential!)),
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    private JsonObject StatusEntry(StatusListSlot slot, StatusPurpose purpose)
    {
        var list = statusUrls.For(slot.OrganizationId, slot.ListId, purpose).AbsoluteUri;
        return new JsonObject
        {
            ["id"] = $"{list}#{slot.Index}",
            ["type"] = BitstringStatusListEntry.EntryType,
            ["statusPurpose"] = StatusListPurposes.Segment(purpose),
            ["statusListIndex"] = slot.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusListCredential"] = list,
        };
    }
}
