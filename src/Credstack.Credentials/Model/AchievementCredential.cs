// Open Badges 3.0 §B, AchievementCredential (alias OpenBadgeCredential): a VC 2.0 credential whose subject
// is an AchievementSubject. Emitted in the compacted form the spec shows: @context VC 2.0, OB 3.0.3, then
// extension contexts; `type` always an array; no nulls; DateTimeZ in UTC.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>An Open Badges 3.0 credential: an issuer's assertion that a subject earned an achievement.</summary>
public sealed record AchievementCredential
{
    /// <summary><c>@context</c>: VC 2.0, the OB 3.0 context, then extension contexts (inline objects as their JSON text).</summary>
    [JsonPropertyName("@context")]
    [JsonConverter(typeof(ContextConverter))]
    public IReadOnlyList<string> Context { get; init; } = [KnownContexts.CredentialsV2, KnownContexts.OpenBadgesV3];

    /// <summary>The credential's URI.</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>VerifiableCredential</c> and <c>OpenBadgeCredential</c> (or <c>AchievementCredential</c>).</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["VerifiableCredential", "OpenBadgeCredential"];

    /// <summary>The credential's name (usually the achievement's).</summary>
    public string? Name { get; init; }

    /// <summary>A short description.</summary>
    public string? Description { get; init; }

    /// <summary>An image of the credential.</summary>
    public Image? Image { get; init; }

    /// <summary>The original award date, kept when the credential is re-issued with a new <see cref="ValidFrom"/>.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public DateTimeOffset? AwardedDate { get; init; }

    /// <summary>The subject: the recipient and the achievement.</summary>
    public required AchievementSubject CredentialSubject { get; init; }

    /// <summary>Signed endorsements of the credential, kept as their exact JSON.</summary>
    public IReadOnlyList<EmbeddedCredential>? Endorsement { get; init; }

    /// <summary>Endorsements as compact JWS.</summary>
    public IReadOnlyList<string>? EndorsementJwt { get; init; }

    /// <summary>Evidence supporting the award.</summary>
    public IReadOnlyList<Evidence>? Evidence { get; init; }

    /// <summary>The issuer (read from a Profile object or a bare URI).</summary>
    [JsonConverter(typeof(ProfileReferenceConverter))]
    public required Profile Issuer { get; init; }

    /// <summary>When the credential becomes valid.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>When the credential expires.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Schemas the credential conforms to.</summary>
    public IReadOnlyList<CredentialSchema>? CredentialSchema { get; init; }

    /// <summary>Where to check revocation or suspension.</summary>
    public CredentialStatus? CredentialStatus { get; init; }

    /// <summary>Where to fetch a newer version.</summary>
    public RefreshService? RefreshService { get; init; }

    /// <summary>Terms of use.</summary>
    public IReadOnlyList<TermsOfUse>? TermsOfUse { get; init; }

    /// <summary>Embedded proofs, as their exact JSON (read from one object or an array; written as an array).</summary>
    [JsonConverter(typeof(ProofListConverter))]
    public IReadOnlyList<JsonElement>? Proof { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }

    /// <summary>
    /// A new, unsigned credential awarding <paramref name="subject"/>'s achievement. The id is a fresh
    /// <c>urn:uuid:</c> (UUIDv7 from <paramref name="timeProvider"/>, the system clock by default) unless given;
    /// the name defaults to the achievement's; <paramref name="extraContexts"/> follow the VC and OB contexts.
    /// </summary>
    public static AchievementCredential Create(
        Profile issuer,
        AchievementSubject subject,
        DateTimeOffset validFrom,
        DateTimeOffset? validUntil = null,
        string? id = null,
        IEnumerable<string>? extraContexts = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        return new()
        {
            Context = [KnownContexts.CredentialsV2, KnownContexts.OpenBadgesV3, .. extraContexts ?? []],
            Id = id ?? UrnUuid.Create(timeProvider ?? TimeProvider.System),
            Name = subject.Achievement.Name,
            Issuer = issuer,
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            CredentialSubject = subject,
        };
    }

    /// <summary>Reads an AchievementCredential (VC 2.0 form). Never throws on bad input; validate structure with <see cref="Validation.CredentialValidator"/>.</summary>
    public static ParseResult<AchievementCredential> Parse(ReadOnlySpan<byte> utf8Json) =>
        ModelJson.Parse(utf8Json, OpenBadgesJsonContext.Relaxed.AchievementCredential);

    /// <summary>The credential as compact UTF-8 JSON: the exact bytes to sign and store.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, OpenBadgesJsonContext.Relaxed.AchievementCredential);
}
