// W3C Bitstring Status List v1.0 (Recommendation, 2025), §3.1 "Validate Algorithm"; the CCG
// StatusList2021 (same bitstring, StatusList2021Credential); and the 1EdTech Revocation List
// Status Method 1.0 (credentialStatus type "1EdTechRevocationList": a JSON document whose
// revokedCredentials array lists {id, revocationReason?} of revoked credentials).
// Order of checks: fetch, parse, verify the list's proof, validity period, purpose, decode,
// range, read. Every failure is a StatusCheckResult value with a problem code and a sentence.
using System.Text.Json;

namespace Credstack.Credentials.Status;

/// <summary>The verifier side of status lists: what does a credential's <c>credentialStatus</c> say now?</summary>
public sealed class StatusListChecker
{
    /// <summary>The <c>type</c> of a 1EdTech Revocation List status entry.</summary>
    public const string RevocationListEntryType = "1EdTechRevocationList";

    private readonly IStatusListFetcher _fetcher;
    private readonly StatusListProofVerifier _proofVerifier;
    private readonly TimeProvider _timeProvider;
    private readonly StatusListCheckerOptions _options;
    private readonly StatusListCache _cache;

    /// <summary>Creates a checker.</summary>
    /// <param name="fetcher">Retrieves list credentials (and 1EdTech revocation lists).</param>
    /// <param name="proofVerifier">Verifies a fetched list credential's proof; a list is trusted only when it says so.</param>
    /// <param name="timeProvider">The clock for validity periods and the cache.</param>
    /// <param name="options">Limits and caching; <see cref="StatusListCheckerOptions.Default"/> when null.</param>
    public StatusListChecker(IStatusListFetcher fetcher, StatusListProofVerifier proofVerifier, TimeProvider timeProvider, StatusListCheckerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(proofVerifier);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _fetcher = fetcher;
        _proofVerifier = proofVerifier;
        _timeProvider = timeProvider;
        _options = options ?? StatusListCheckerOptions.Default;
        _cache = new StatusListCache(_options.CacheCapacity, timeProvider);
    }

    /// <summary>
    /// Checks every <c>credentialStatus</c> entry of a credential (an object or an array of them).
    /// </summary>
    /// <returns>One result per entry, in order; empty when the credential has no <c>credentialStatus</c>.</returns>
    public async Task<IReadOnlyList<StatusCheckResult>> CheckCredentialAsync(JsonElement credential, CancellationToken cancellationToken = default)
    {
        if (credential.ValueKind != JsonValueKind.Object || !credential.TryGetProperty("credentialStatus", out var status))
        {
            return [];
        }

        var credentialId = credential.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var results = new List<StatusCheckResult>();
        if (status.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in status.EnumerateArray())
            {
                results.Add(await CheckStatusAsync(item, credentialId, cancellationToken).ConfigureAwait(false));
            }
        }
        else
        {
            results.Add(await CheckStatusAsync(status, credentialId, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Checks one <c>credentialStatus</c> entry of any supported type.</summary>
    /// <param name="credentialStatus">The entry.</param>
    /// <param name="credentialId">The credential's <c>id</c>; needed only for <c>1EdTechRevocationList</c>.</param>
    /// <param name="cancellationToken">Cancels fetching and proof verification.</param>
    public async Task<StatusCheckResult> CheckStatusAsync(JsonElement credentialStatus, string? credentialId, CancellationToken cancellationToken = default)
    {
        var type = credentialStatus.ValueKind == JsonValueKind.Object && credentialStatus.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        if (string.Equals(type, RevocationListEntryType, StringComparison.Ordinal))
        {
            var listUrl = credentialStatus.TryGetProperty("id", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            return await CheckRevocationListAsync(listUrl, credentialId, cancellationToken).ConfigureAwait(false);
        }

        if (!BitstringStatusListEntry.TryParse(credentialStatus, out var entry, out var errors))
        {
            var unsupported = type is not null and not (BitstringStatusListEntry.EntryType or BitstringStatusListEntry.StatusList2021EntryType);
            return unsupported
                ? StatusCheckResult.Unknown(StatusProblem.UnsupportedStatusType, $"credentialStatus type \"{type}\" is not supported.", type)
                : StatusCheckResult.Unknown(StatusProblem.MalformedEntry, "The credentialStatus entry is malformed: " + string.Join(" ", errors), type);
        }

        return await CheckEntryAsync(entry!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a parsed bitstring (or StatusList2021) entry against its list.</summary>
    public async Task<StatusCheckResult> CheckEntryAsync(BitstringStatusListEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (document, failure) = await GetListAsync(entry, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return failure!;
        }

        var now = _timeProvider.GetUtcNow();
        if (document.ValidFrom is { } from && from > now + _options.ClockSkew)
        {
            return StatusCheckResult.Unknown(StatusProblem.ListNotYetValid, $"The status list credential is not valid before {from:O}.", entry.Type, entry);
        }

        if (document.ValidUntil is { } until && until < now - _options.ClockSkew)
        {
            return StatusCheckResult.Unknown(StatusProblem.ListExpired, $"The status list credential expired at {until:O}.", entry.Type, entry);
        }

        var purpose = StatusPurposeText.Format(entry.StatusPurpose);
        if (!document.Purposes.Contains(purpose))
        {
            return StatusCheckResult.Unknown(StatusProblem.PurposeMismatch,
                $"The entry's statusPurpose is \"{purpose}\" but the list's is \"{string.Join("\", \"", document.Purposes)}\".", entry.Type, entry);
        }

        var decoded = document.Decode(entry.StatusSize, _options.Decode);
        if (!decoded.Succeeded)
        {
            return StatusCheckResult.Unknown(decoded.Problem.Value, decoded.Reason, entry.Type, entry);
        }

        var list = decoded.List;
        if (entry.StatusListIndex >= list.Length)
        {
            return StatusCheckResult.Unknown(StatusProblem.IndexOutOfRange,
                $"statusListIndex {entry.StatusListIndex} is past the end of the list ({list.Length} entries of {entry.StatusSize} bit(s)).", entry.Type, entry);
        }

        var value = list.Get((int)entry.StatusListIndex);
        var message = entry.StatusMessage.FirstOrDefault(m => m.Status == value);
        if (entry.StatusPurpose == StatusPurpose.Message && message is null && entry.StatusMessage.Count > 0)
        {
            return StatusCheckResult.Unknown(StatusProblem.UnknownStatusValue,
                $"The list holds value 0x{value:x} at index {entry.StatusListIndex}, which no statusMessage item describes.", entry.Type, entry);
        }

        var outcome = (entry.StatusPurpose, value) switch
        {
            (_, 0) when entry.StatusPurpose != StatusPurpose.Message => StatusCheckOutcome.Valid,
            (StatusPurpose.Revocation, _) => StatusCheckOutcome.Revoked,
            (StatusPurpose.Suspension, _) => StatusCheckOutcome.Suspended,
            (StatusPurpose.Refresh, _) => StatusCheckOutcome.RefreshRequested,
            _ => StatusCheckOutcome.Message,
        };
        return new StatusCheckResult
        {
            Outcome = outcome,
            EntryType = entry.Type,
            Purpose = entry.StatusPurpose,
            StatusListCredential = entry.StatusListCredential,
            StatusListIndex = entry.StatusListIndex,
            Value = value,
            Message = message,
        };
    }

    /// <summary>
    /// Checks a 1EdTech Revocation List: fetches the list at <paramref name="listUrl"/> and looks
    /// for <paramref name="credentialId"/> in its <c>revokedCredentials</c>.
    /// </summary>
    public async Task<StatusCheckResult> CheckRevocationListAsync(string? listUrl, string? credentialId, CancellationToken cancellationToken = default)
    {
        const string Type = RevocationListEntryType;
        if (!Uri.TryCreate(listUrl, UriKind.Absolute, out var url))
        {
            return StatusCheckResult.Unknown(StatusProblem.MalformedEntry, "A 1EdTechRevocationList entry needs an id that is the absolute URL of the revocation list.", Type);
        }

        if (string.IsNullOrEmpty(credentialId))
        {
            return StatusCheckResult.Unknown(StatusProblem.MalformedEntry, "A 1EdTechRevocationList check needs the credential's id, and the credential has none.", Type);
        }

        var fetched = await FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (!fetched.Succeeded)
        {
            return StatusCheckResult.Unknown(StatusProblem.FetchFailed, $"The revocation list at {url} could not be fetched: {fetched.Error}", Type) with { StatusListCredential = listUrl };
        }

        if (fetched.Content.Length > _options.MaxDocumentBytes)
        {
            return StatusCheckResult.Unknown(StatusProblem.ListTooLarge, $"The revocation list is {fetched.Content.Length} bytes, more than the limit of {_options.MaxDocumentBytes}.", Type) with { StatusListCredential = listUrl };
        }

        try
        {
            using var document = JsonDocument.Parse(fetched.Content, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("revokedCredentials", out var revoked) || revoked.ValueKind != JsonValueKind.Array)
            {
                return StatusCheckResult.Unknown(StatusProblem.MalformedListCredential, "The revocation list is not an object with a revokedCredentials array.", Type) with { StatusListCredential = listUrl };
            }

            foreach (var item in revoked.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var revokedId) && revokedId.ValueKind == JsonValueKind.String
                    && string.Equals(revokedId.GetString(), credentialId, StringComparison.Ordinal))
                {
                    var reason = item.TryGetProperty("revocationReason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                    return new StatusCheckResult { Outcome = StatusCheckOutcome.Revoked, EntryType = Type, Purpose = StatusPurpose.Revocation, StatusListCredential = listUrl, Reason = reason };
                }
            }

            return new StatusCheckResult { Outcome = StatusCheckOutcome.Valid, EntryType = Type, Purpose = StatusPurpose.Revocation, StatusListCredential = listUrl };
        }
        catch (JsonException ex)
        {
            return StatusCheckResult.Unknown(StatusProblem.MalformedListCredential, "The revocation list is not valid JSON: " + ex.Message, Type) with { StatusListCredential = listUrl };
        }
    }

    private async Task<(StatusListDocument? Document, StatusCheckResult? Failure)> GetListAsync(BitstringStatusListEntry entry, CancellationToken cancellationToken)
    {
        var key = entry.StatusListCredential;
        if (_cache.TryGet(key, out var cached) && string.Equals(cached!.CredentialType, ExpectedCredentialType(entry), StringComparison.Ordinal))
        {
            return (cached, null);
        }

        if (!Uri.TryCreate(key, UriKind.Absolute, out var url))
        {
            return (null, StatusCheckResult.Unknown(StatusProblem.MalformedEntry, "statusListCredential is not an absolute URL.", entry.Type, entry));
        }

        var fetched = await FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (!fetched.Succeeded)
        {
            return (null, StatusCheckResult.Unknown(StatusProblem.FetchFailed, $"The status list credential at {url} could not be fetched: {fetched.Error}", entry.Type, entry));
        }

        if (fetched.Content.Length > _options.MaxDocumentBytes)
        {
            return (null, StatusCheckResult.Unknown(StatusProblem.ListTooLarge,
                $"The status list credential is {fetched.Content.Length} bytes, more than the limit of {_options.MaxDocumentBytes}.", entry.Type, entry));
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(fetched.Content, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return (null, StatusCheckResult.Unknown(StatusProblem.MalformedListCredential,
                "The status list credential is not JSON (an enveloped VC-JWT list is not read yet): " + ex.Message, entry.Type, entry));
        }

        using (json)
        {
            var error = StatusListDocument.TryRead(json.RootElement, entry.IsStatusList2021, out var document);
            if (document is null)
            {
                return (null, StatusCheckResult.Unknown(StatusProblem.MalformedListCredential, error!, entry.Type, entry));
            }

            var proof = await _proofVerifier(json.RootElement, fetched.Content, cancellationToken).ConfigureAwait(false);
            if (!proof.IsValid)
            {
                return (null, StatusCheckResult.Unknown(StatusProblem.ListProofInvalid,
                    "The status list credential's proof did not verify: " + (proof.Reason ?? "no reason given."), entry.Type, entry));
            }

            var now = _timeProvider.GetUtcNow();
            var lifetime = document.Ttl ?? _options.DefaultCacheDuration;
            if (lifetime > _options.MaxCacheDuration)
            {
                lifetime = _options.MaxCacheDuration;
            }

            var expires = now + lifetime;
            if (document.ValidUntil is { } until && until < expires)
            {
                expires = until;
            }

            _cache.Add(key, document, expires);
            return (document, null);
        }
    }

    // The fetcher's contract is to return failures as values; an HTTP fetcher that lets a network
    // error escape anyway must still not turn a status check into an exception.
    private async Task<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await _fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return StatusListFetchResult.Fail(ex.Message);
        }
        catch (IOException ex)
        {
            return StatusListFetchResult.Fail(ex.Message);
        }
        catch (TimeoutException ex)
        {
            return StatusListFetchResult.Fail(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StatusListFetchResult.Fail("The request timed out.");
        }
    }

    private static string ExpectedCredentialType(BitstringStatusListEntry entry) =>
        entry.IsStatusList2021 ? "StatusList2021Credential" : "BitstringStatusListCredential";
}
