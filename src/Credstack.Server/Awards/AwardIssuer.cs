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
/// single, batch, replacement and bulk (CSV) issuance: one award is a batch of one, so every path runs
/// the same steps, and a bulk batch does each step once for all its awards.
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
    public async Task<AwardIssueOutcome> IssueAsync(string organizationId, AwardRequest request, string? issuedBy, CancellationToken cancellationToken) =>
        (await IssueManyAsync(organizationId, [request], issuedBy, null, cancellationToken))[0];

    /// <summary>
    /// Issues a batch of awards (bulk jobs) the way <see cref="IssueAsync"/> issues one, with the per-batch work done
    /// once: the achievement and issuer are read once per batch, the status indexes are reserved in one transaction, the
    /// credentials are built and signed on every processor, and the awards are stored in one transaction. The outcomes
    /// are in the order of <paramref name="requests"/>.
    /// </summary>
    /// <param name="step">Runs in the transaction that stores the awards and decides which are stored (bulk jobs record their rows as issued there).</param>
    public async Task<IReadOnlyList<AwardIssueOutcome>> IssueManyAsync(
        string organizationId, IReadOnlyList<AwardRequest> requests, string? issuedBy, AwardBatchStep? step, CancellationToken cancellationToken)
    {
        var outcomes = new AwardIssueOutcome[requests.Count];
        var drafts = new List<(int Item, AwardDraft Draft)>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var errors = AwardValidation.Validate(requests[i]);
            if (errors.Count > 0)
            {
                outcomes[i] = AwardIssueOutcome.Invalid(errors);
                continue;
            }

            var request = requests[i];
            var recipient = request.Recipient!;
            drafts.Add((i, new AwardDraft(
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
                null)));
        }

        var issued = await IssueDraftsAsync(organizationId, drafts, issuedBy, step, cancellationToken);
        for (var i = 0; i < drafts.Count; i++)
        {
            outcomes[drafts[i].Item] = issued[i];
        }

        return outcomes;
    }

    /// <summary>Issues a validated draft (replacement awards come this way).</summary>
    internal async Task<AwardIssueOutcome> IssueCoreAsync(string organizationId, AwardDraft draft, string? issuedBy, CancellationToken cancellationToken) =>
        (await IssueDraftsAsync(organizationId, [(0, draft)], issuedBy, null, cancellationToken))[0];

    private async Task<AwardIssueOutcome[]> IssueDraftsAsync(
        string organizationId, List<(int Item, AwardDraft Draft)> drafts, string? issuedBy, AwardBatchStep? step, CancellationToken cancellationToken)
    {
        var outcomes = new AwardIssueOutcome[drafts.Count];
        var achievementsFound = new Dictionary<(string Id, long? Version), AwardableAchievement?>();
        Profile? issuer = null;
        var issuerRead = false;
        var ready = new List<(int Position, AwardableAchievement Achievement)>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i].Draft;
            if (!achievementsFound.TryGetValue((draft.AchievementId, draft.AchievementVersion), out var achievement))
            {
                achievement = await achievements.FindAsync(organizationId, draft.AchievementId, draft.AchievementVersion, cancellationToken);
                achievementsFound[(draft.AchievementId, draft.AchievementVersion)] = achievement;
            }

            if (achievement is null)
            {
                outcomes[i] = AwardIssueOutcome.Failed(AwardIssueResult.AchievementNotFound, draft.AchievementVersion is { } v
                    ? $"The organization has no achievement '{draft.AchievementId}' with version {v}."
                    : $"The organization has no achievement '{draft.AchievementId}'.");
                continue;
            }

            if (achievement.Archived)
            {
                outcomes[i] = AwardIssueOutcome.Failed(AwardIssueResult.AchievementArchived, $"The achievement '{draft.AchievementId}' is archived; unarchive it to award it.");
                continue;
            }

            if (!issuerRead)
            {
                issuer = await signer.FindIssuerAsync(organizationId, cancellationToken);
                issuerRead = true;
            }

            if (issuer is null)
            {
                outcomes[i] = AwardIssueOutcome.Failed(AwardIssueResult.IssuerNotReady, "The organization cannot issue: it is not an issuer organization (employers verify, they do not issue).");
                continue;
            }

            ready.Add((i, achievement));
        }

        if (ready.Count == 0)
        {
            return outcomes;
        }

        var now = time.GetUtcNow();
        var validFrom = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var awardIds = ready.Select(_ => EntityId.New(time)).ToArray();
        var slots = await allocation.AllocateManyAsync(organizationId, awardIds, cancellationToken);

        // Building a credential is CPU work like signing it: both run on every processor.
        var unsigned = new byte[ready.Count][];
        Parallel.For(0, ready.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, r =>
        {
            var (position, achievement) = ready[r];
            var credentialId = CredentialIdOf(awardIds[r]);
            unsigned[r] = Build(drafts[position].Draft, achievement, issuer!, credentialId, validFrom, achievement.Expiry?.ValidUntil(validFrom), slots[r]);
        });

        var signatures = new AwardSignature[ready.Count];
        foreach (var suite in ready.Select((_, r) => r).GroupBy(r => drafts[ready[r].Position].Draft.Cryptosuite, StringComparer.Ordinal))
        {
            var members = suite.ToList();
            var signed = await signer.SignManyAsync(organizationId, [.. members.Select(r => (ReadOnlyMemory<byte>)unsigned[r])], suite.Key, cancellationToken);
            for (var m = 0; m < members.Count; m++)
            {
                signatures[members[m]] = signed[m];
            }
        }

        var toStore = new List<(int Item, Award Award, byte[] Credential)>(ready.Count);
        for (var r = 0; r < ready.Count; r++)
        {
            var (position, achievement) = ready[r];
            var draft = drafts[position].Draft;
            if (!signatures[r].Succeeded)
            {
                // The reserved index stays taken: indexes are never reused, even unsigned ones.
                outcomes[position] = AwardIssueOutcome.Failed(AwardIssueResult.IssuerNotReady, $"The issuer could not sign with {draft.Cryptosuite}: {signatures[r].Problem}");
                continue;
            }

            toStore.Add((drafts[position].Item, new Award
            {
                Id = awardIds[r],
                OrganizationId = organizationId,
                AchievementId = achievement.Id,
                AchievementVersion = achievement.Version,
                RecipientType = draft.RecipientType,
                Recipient = draft.Recipient,
                CredentialId = CredentialIdOf(awardIds[r]),
                Cryptosuite = draft.Cryptosuite,
                Status = AwardStatuses.Active,
                StatusListId = slots[r].ListId,
                StatusListIndex = slots[r].Index,
                ValidFrom = validFrom,
                ValidUntil = achievement.Expiry?.ValidUntil(validFrom),
                ReplacesAwardId = draft.Replaces?.Id,
                IssuedBy = issuedBy,
                CreatedAt = now,
            }, signatures[r].SignedCredential!));
        }

        var stored = toStore.Count == 0 ? [] : (await awards.InsertManyAsync(toStore, step, cancellationToken)).ToHashSet();
        var positionOf = drafts.Select((d, i) => (d.Item, i)).ToDictionary(p => p.Item, p => p.i);
        var achievementAt = ready.ToDictionary(r => r.Position, r => r.Achievement);
        foreach (var (item, award, credential) in toStore)
        {
            var position = positionOf[item];
            if (!stored.Contains(item))
            {
                // The reserved index stays taken, as for an unsigned credential.
                outcomes[position] = AwardIssueOutcome.Failed(AwardIssueResult.Withdrawn, "The award was withdrawn before it was stored.");
                continue;
            }

            var draft = drafts[position].Draft;
            if (draft.Notify && award.RecipientType is AwardRecipientTypes.Email)
            {
                await claims.SendAsync(award, achievementAt[position].Achievement.Name, issuer!.Name ?? organizationId, cancellationToken);
            }

            outcomes[position] = AwardIssueOutcome.Issued(award, credential);
        }

        return outcomes;
    }

    private string CredentialIdOf(string awardId) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/credentials/{awardId}";

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
