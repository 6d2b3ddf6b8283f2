// W3C Bitstring Status List v1.0 (Recommendation, 2025), §2.2 "BitstringStatusListCredential"
// and §4.1 "Generate Algorithm"; VC Data Model 2.0 §4.9 validity period. The output is the
// UNSIGNED credential: a Data Integrity or VC-JOSE signer adds the proof afterwards.
using System.Globalization;
using System.Text.Json.Nodes;

namespace Credstack.Credentials.Status;

/// <summary>Builds the unsigned <c>BitstringStatusListCredential</c> that publishes a <see cref="StatusList"/>.</summary>
public sealed class BitstringStatusListCredentialBuilder
{
    /// <summary>The VC 2.0 base context, which defines the bitstring status list terms.</summary>
    public const string CredentialsV2Context = "https://www.w3.org/ns/credentials/v2";

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a builder that takes <c>validFrom</c> from <paramref name="timeProvider"/>.</summary>
    public BitstringStatusListCredentialBuilder(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Builds the unsigned credential as a JSON object, ready for a signer to add <c>proof</c>.</summary>
    /// <param name="id">The list credential URL: what entries put in <c>statusListCredential</c>.</param>
    /// <param name="issuer">The issuer id (a DID or URL).</param>
    /// <param name="purpose">The list's <c>statusPurpose</c>.</param>
    /// <param name="list">The list to encode.</param>
    /// <param name="validFor">When set, <c>validUntil</c> = now + this.</param>
    /// <param name="ttl">When set, the <c>ttl</c> (caching hint, milliseconds) to publish.</param>
    public JsonObject Build(Uri id, string issuer, StatusPurpose purpose, StatusList list, TimeSpan? validFor = null, TimeSpan? ttl = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentNullException.ThrowIfNull(list);
        if (!id.IsAbsoluteUri)
        {
            throw new ArgumentException("The status list credential id must be an absolute URL.", nameof(id));
        }

        if (validFor is { } period && period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, "The validity period must be positive.");
        }

        if (ttl is { } t && t < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "ttl must not be negative.");
        }

        // Whole seconds: the XML Schema dateTimeStamp form every verifier reads.
        var now = _timeProvider.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        var subject = new JsonObject
        {
            ["id"] = id.AbsoluteUri + "#list",
            ["type"] = "BitstringStatusList",
            ["statusPurpose"] = StatusPurposeText.Format(purpose),
            ["encodedList"] = list.Encode(),
        };
        if (ttl is { } timeToLive)
        {
            subject["ttl"] = (long)timeToLive.TotalMilliseconds;
        }

        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialsV2Context),
            ["id"] = id.AbsoluteUri,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuer,
            ["validFrom"] = FormatDate(now),
        };
        if (validFor is { } validity)
        {
            credential["validUntil"] = FormatDate(now + validity);
        }

        credential["credentialSubject"] = subject;
        return credential;
    }

    private static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
