// Open Badges 3.0 §B, Achievement: what is awarded (the OB 2.0 BadgeClass).
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>An accomplishment that can be awarded: its name, description, criteria, alignments and results.</summary>
public sealed record Achievement
{
    /// <summary>The achievement's URI.</summary>
    public required string Id { get; init; }

    /// <summary>Contains <c>Achievement</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["Achievement"];

    /// <summary>Alignments to frameworks (skills, competencies).</summary>
    public IReadOnlyList<Alignment>? Alignment { get; init; }

    /// <summary>An <see cref="Model.AchievementType"/> value or an <c>ext:</c> term.</summary>
    public string? AchievementType { get; init; }

    /// <summary>Who created the achievement.</summary>
    public Profile? Creator { get; init; }

    /// <summary>Credit hours available.</summary>
    public double? CreditsAvailable { get; init; }

    /// <summary>How to earn it.</summary>
    public required Criteria Criteria { get; init; }

    /// <summary>A short description.</summary>
    public required string Description { get; init; }

    /// <summary>Signed endorsements of the achievement, kept as their exact JSON.</summary>
    public IReadOnlyList<EmbeddedCredential>? Endorsement { get; init; }

    /// <summary>Endorsements as compact JWS.</summary>
    public IReadOnlyList<string>? EndorsementJwt { get; init; }

    /// <summary>The field of study.</summary>
    public string? FieldOfStudy { get; init; }

    /// <summary>A human-readable code (e.g. a course code).</summary>
    public string? HumanCode { get; init; }

    /// <summary>The badge image.</summary>
    public Image? Image { get; init; }

    /// <summary>The language (BCP 47).</summary>
    public string? InLanguage { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>Other identifiers.</summary>
    public IReadOnlyList<IdentifierEntry>? OtherIdentifier { get; init; }

    /// <summary>Related achievements (e.g. translations).</summary>
    public IReadOnlyList<Related>? Related { get; init; }

    /// <summary>The possible results.</summary>
    public IReadOnlyList<ResultDescription>? ResultDescription { get; init; }

    /// <summary>A specialization within the field of study.</summary>
    public string? Specialization { get; init; }

    /// <summary>Keywords.</summary>
    public IReadOnlyList<string>? Tag { get; init; }

    /// <summary>The version.</summary>
    public string? Version { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }

    /// <summary>Reads an Achievement (e.g. from the achievement designer's storage). Never throws on bad input.</summary>
    public static ParseResult<Achievement> Parse(ReadOnlySpan<byte> utf8Json) => ModelJson.Parse(utf8Json, OpenBadgesJsonContext.Relaxed.Achievement);

    /// <summary>The achievement as compact UTF-8 JSON.</summary>
    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, OpenBadgesJsonContext.Relaxed.Achievement);
}
