// CLR 2.0, ClrCredential: a Comprehensive Learner Record, a VC 2.0 credential embedding other signed
// credentials. @context: VC 2.0, CLR 2.0.1, OB 3.0.3, then extension contexts.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>A Comprehensive Learner Record: signed component credentials gathered and signed again by the issuer.</summary>
public sealed record ClrCredential
{
    /// <summary><c>@context</c>: VC 2.0, the CLR 2.0 context, the OB 3.0 context, then extension contexts.</summary>
    [JsonPropertyName("@context")]
    [JsonConverter(typeof(ContextConverter))]
    public IReadOnlyList<string> Context { get; init; } = [KnownContexts.CredentialsV2, KnownContexts.ClrV2, KnownContexts.OpenBadgesV3];

    /// <summary>The credential's URI.</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>VerifiableCredential</c> and <c>ClrCredential</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["VerifiableCredential", "ClrCredential"];

    /// <summary>The record's name.</summary>
    public required string Name { get; init; }

    /// <summary>A short description.</summary>
    public string? Description { get; init; }

    /// <summary>An image of the record.</summary>
    public Image? Image { get; init; }

    /// <summary>True when the record holds only part of the learner's achievements.</summary>
    public bool? Partial { get; init; }

    /// <summary>The original award date.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public DateTimeOffset? AwardedDate { get; init; }

    /// <summary>Signed endorsements, kept as their exact JSON.</summary>
    public IReadOnlyList<EmbeddedCredential>? Endorsement { get; init; }

    /// <summary>Endorsements as compact JWS.</summary>
    public IReadOnlyList<string>? EndorsementJwt { get; init; }

    /// <summary>The learner and the component credentials.</summary>
    public required ClrSubject CredentialSubject { get; init; }

    /// <summary>The issuer of the record.</summary>
    [JsonConverter(typeof(ProfileReferenceConverter))]
    public required Profile Issuer { get; init; }

    /// <summary>When the record becomes valid.</summary>
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

    /// <summary>
    /// A new, unsigned CLR gathering <paramref name="components"/> (signed credentials, embedded byte for byte)
    /// for the learner <paramref name="learnerId"/>.
    /// </summary>
    public static ClrCredential Create(
        Profile issuer,
        string name,
        string? learnerId,
        IEnumerable<EmbeddedCredential> components,
        DateTimeOffset validFrom,
        IEnumerable<Achievement>? achievements = null,
        IEnumerable<Association>? associations = null,
        string? id = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(components);
        return new()
        {
            Id = id ?? UrnUuid.Create(timeProvider ?? TimeProvider.System),
            Name = name,
            Issuer = issuer,
            ValidFrom = validFrom,
            CredentialSubject = new ClrSubject
            {
                Id = learnerId,
                VerifiableCredential = components.ToArray(),
                Achievement = achievements?.ToArray(),
                Association = associations?.ToArray(),
            },
        };
    }

    /// <summary>Reads a ClrCredential; the component credentials keep their exact JSON. Never throws on bad input.</summary>
    public static ParseResult<ClrCredential> Parse(ReadOnlySpan<byte> utf8Json) =>
        ModelJson.Parse(utf8Json, OpenBadgesJsonContext.Relaxed.ClrCredential);

    /// <summary>The credential as compact UTF-8 JSON: the exact bytes to sign and store.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, OpenBadgesJsonContext.Relaxed.ClrCredential);
}
