// Open Badges 3.0 §B, EndorsementCredential: a VC 2.0 credential in which the issuer endorses a profile,
// an achievement or a credential. Same serialization rules as AchievementCredential.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>An endorsement: a signed statement by a third party about a profile, achievement or credential.</summary>
public sealed record EndorsementCredential
{
    /// <summary><c>@context</c>: VC 2.0, the OB 3.0 context, then extension contexts.</summary>
    [JsonPropertyName("@context")]
    [JsonConverter(typeof(ContextConverter))]
    public IReadOnlyList<string> Context { get; init; } = [KnownContexts.CredentialsV2, KnownContexts.OpenBadgesV3];

    /// <summary>The credential's URI.</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>VerifiableCredential</c> and <c>EndorsementCredential</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["VerifiableCredential", "EndorsementCredential"];

    /// <summary>The endorsement's name.</summary>
    public required string Name { get; init; }

    /// <summary>A short description.</summary>
    public string? Description { get; init; }

    /// <summary>What is endorsed.</summary>
    public required EndorsementSubject CredentialSubject { get; init; }

    /// <summary>The original award date.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public DateTimeOffset? AwardedDate { get; init; }

    /// <summary>The endorser.</summary>
    [JsonConverter(typeof(ProfileReferenceConverter))]
    public required Profile Issuer { get; init; }

    /// <summary>When the endorsement becomes valid.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public required DateTimeOffset ValidFrom { get; init; }

    /// <summary>When it expires.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Schemas the credential conforms to.</summary>
    public IReadOnlyList<CredentialSchema>? CredentialSchema { get; init; }

    /// <summary>Where to check revocation.</summary>
    public CredentialStatus? CredentialStatus { get; init; }

    /// <summary>Where to fetch a newer version.</summary>
    public RefreshService? RefreshService { get; init; }

    /// <summary>Terms of use.</summary>
    public IReadOnlyList<TermsOfUse>? TermsOfUse { get; init; }

    /// <summary>Embedded proofs, as their exact JSON.</summary>
    [JsonConverter(typeof(ProofListConverter))]
    public IReadOnlyList<JsonElement>? Proof { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }

    /// <summary>A new, unsigned endorsement of <paramref name="endorsedId"/> by <paramref name="endorser"/>.</summary>
    public static EndorsementCredential Create(
        Profile endorser,
        string endorsedId,
        string name,
        DateTimeOffset validFrom,
        string? comment = null,
        string? id = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(endorser);
        return new()
        {
            Id = id ?? UrnUuid.Create(timeProvider ?? TimeProvider.System),
            Name = name,
            Issuer = endorser,
            ValidFrom = validFrom,
            CredentialSubject = new EndorsementSubject { Id = endorsedId, EndorsementComment = comment },
        };
    }

    /// <summary>Reads an EndorsementCredential. Never throws on bad input.</summary>
    public static ParseResult<EndorsementCredential> Parse(ReadOnlySpan<byte> utf8Json) =>
        ModelJson.Parse(utf8Json, OpenBadgesJsonContext.Relaxed.EndorsementCredential);

    /// <summary>The credential as compact UTF-8 JSON: the exact bytes to sign and store.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, OpenBadgesJsonContext.Relaxed.EndorsementCredential);
}
