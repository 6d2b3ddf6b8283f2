// Open Badges 3.0 §B, Profile: an issuer, creator, endorser or the source of an award.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>A person or organization: an issuer, an achievement's creator, an endorser.</summary>
public sealed record Profile
{
    /// <summary>The profile's URI (a DID or an HTTPS URL where the profile is hosted).</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>Profile</c>. Empty only for an issuer given as a bare URI, which is written back as that URI.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["Profile"];

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The homepage.</summary>
    public string? Url { get; init; }

    /// <summary>A phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>A short description.</summary>
    public string? Description { get; init; }

    /// <summary>Signed endorsements of this profile, kept as their exact JSON.</summary>
    public IReadOnlyList<EmbeddedCredential>? Endorsement { get; init; }

    /// <summary>Endorsements as compact JWS.</summary>
    public IReadOnlyList<string>? EndorsementJwt { get; init; }

    /// <summary>A logo or picture.</summary>
    public Image? Image { get; init; }

    /// <summary>A contact email address.</summary>
    public string? Email { get; init; }

    /// <summary>The postal address.</summary>
    public Address? Address { get; init; }

    /// <summary>Other identifiers (sourcedId, national identity number…).</summary>
    public IReadOnlyList<IdentifierEntry>? OtherIdentifier { get; init; }

    /// <summary>The name of the official who represents the organization.</summary>
    public string? Official { get; init; }

    /// <summary>The parent organization.</summary>
    public Profile? ParentOrg { get; init; }

    /// <summary>Family name (people).</summary>
    public string? FamilyName { get; init; }

    /// <summary>Given name (people).</summary>
    public string? GivenName { get; init; }

    /// <summary>Additional name (people).</summary>
    public string? AdditionalName { get; init; }

    /// <summary>Patronymic name (people).</summary>
    public string? PatronymicName { get; init; }

    /// <summary>Honorific prefix (people).</summary>
    public string? HonorificPrefix { get; init; }

    /// <summary>Honorific suffix (people).</summary>
    public string? HonorificSuffix { get; init; }

    /// <summary>Family name prefix (people).</summary>
    public string? FamilyNamePrefix { get; init; }

    /// <summary>Date of birth (people).</summary>
    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }

    /// <summary>Parses a Profile document. Never throws on bad input.</summary>
    public static ParseResult<Profile> Parse(ReadOnlySpan<byte> utf8Json) => ModelJson.Parse(utf8Json, OpenBadgesJsonContext.Relaxed.Profile);

    /// <summary>The profile as compact UTF-8 JSON.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, OpenBadgesJsonContext.Relaxed.Profile);
}
