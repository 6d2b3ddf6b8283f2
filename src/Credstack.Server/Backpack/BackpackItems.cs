using Credstack.Credentials.Verification;
using Credstack.Server.Awards;
using Credstack.Server.Hosting;
using Credstack.Server.Verification;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Backpack;

/// <summary>
/// A person's backpack as the pages show it: cards for the grid (claimed awards and imported credentials, newest first),
/// one item for its detail page, and its live verification through the server's one verifier. Items of other people
/// are never found (every lookup names the account).
/// </summary>
internal sealed class BackpackItems(
    BackpackStore store,
    CredentialVerifier verifier,
    IOptions<CredstackOptions> credstack,
    TimeProvider time)
{
    private static readonly string[] ImageDataPrefixes =
        ["data:image/png;", "data:image/svg+xml;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"];

    public async Task<IReadOnlyList<BackpackCard>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        var claimed = await store.ListClaimedAsync(accountId, cancellationToken);
        var imported = await store.ListImportedAsync(accountId, cancellationToken);
        var cards = claimed.Select(c => (At: c.ClaimedAt ?? c.ValidFrom, Card: AwardCard(c)))
            .Concat(imported.Select(i => (At: i.CreatedAt, Card: ImportedCard(i))));
        return [.. cards.OrderByDescending(c => c.At).Select(c => c.Card)];
    }

    /// <summary>The person's item with <paramref name="id"/> (an award they claimed, or a credential they imported); null otherwise.</summary>
    public async Task<BackpackEntry?> FindAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64)
        {
            return null;
        }

        // The list of claimed awards is short (a person's own), and reading it keeps the ownership rule in one query.
        var award = (await store.ListClaimedAsync(accountId, cancellationToken)).FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
        if (award is not null)
        {
            return new BackpackEntry(AwardCard(award), award.Credential, award, null);
        }

        var imported = await store.FindImportedAsync(accountId, id, cancellationToken);
        return imported is null ? null : new BackpackEntry(ImportedCard(imported), imported.Content, null, imported);
    }

    /// <summary>Verifies the item's exact bytes now; an imported item's verdict is recorded for its card.</summary>
    public async Task<VerificationReport> VerifyAsync(string accountId, BackpackEntry entry, CancellationToken cancellationToken)
    {
        var report = await verifier.VerifyAsync(entry.Content, cancellationToken: cancellationToken);
        if (entry.Imported is { } imported)
        {
            var verdict = new VerificationReportView(report).Verdict;
            if (!string.Equals(verdict, imported.LastVerdict, StringComparison.Ordinal))
            {
                await store.RecordVerdictAsync(accountId, imported.Id, verdict, cancellationToken);
            }
        }

        return report;
    }

    private BackpackCard AwardCard(ClaimedCredential award)
    {
        var facts = CredentialFacts.Read(award.Credential);
        var (status, tone) = award.Status switch
        {
            AwardStatuses.Revoked => ("Revoked", "bad"),
            AwardStatuses.Suspended => ("Suspended", "warn"),
            _ when award.ValidUntil is { } until && until <= time.GetUtcNow() => ("Expired", "warn"),
            _ => ("Active", "ok"),
        };
        return new BackpackCard
        {
            Id = award.Id,
            IsAward = true,
            Name = facts.Name ?? "Credential",
            IssuerName = facts.IssuerName ?? facts.IssuerId,
            ImageUrl = SafeImage(facts.ImageUrl),
            IssuedOn = award.ValidFrom,
            ValidUntil = award.ValidUntil,
            Status = status,
            Tone = tone,
            Facts = facts,
        };
    }

    private BackpackCard ImportedCard(ImportedCredential imported)
    {
        var facts = CredentialFacts.Read(imported.Content);
        var expired = imported.ValidUntil is { } until && until <= time.GetUtcNow();
        var (status, tone) = imported.LastVerdict switch
        {
            "Revoked" => ("Revoked", "bad"),
            "Suspended" => ("Suspended", "warn"),
            "Expired" => ("Expired", "warn"),
            "Verified" when expired => ("Expired", "warn"),
            "Verified" => ("Active", "ok"),
            _ => ("Not verified", "bad"),
        };
        return new BackpackCard
        {
            Id = imported.Id,
            IsAward = false,
            Name = imported.Name ?? facts.Name ?? "Imported credential",
            IssuerName = imported.IssuerName ?? imported.IssuerId,
            ImageUrl = imported.MediaType is CredentialInput.Png or CredentialInput.Svg
                ? $"/backpack/credentials/{imported.Id}?handler=Image"
                : SafeImage(facts.ImageUrl),
            IssuedOn = imported.ValidFrom,
            ValidUntil = imported.ValidUntil,
            Status = status,
            Tone = tone,
            Facts = facts,
        };
    }

    /// <summary>
    /// Only images that cannot track the person or reach another site: data: URLs of image types, and this server's own
    /// address. Another site's image URL is not loaded (its owner would learn who looks at the badge, and when).
    /// </summary>
    private string? SafeImage(string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (ImageDataPrefixes.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return url;
        }

        var own = credstack.Value.PublicBaseUrl.TrimEnd('/') + "/";
        return url.StartsWith(own, StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : null;
    }
}
