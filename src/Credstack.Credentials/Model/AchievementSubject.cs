// Open Badges 3.0 §B, AchievementSubject: the recipient and what they achieved. Either `id` or at least
// one `identifier` MUST be present.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>The subject of an AchievementCredential: who earned which achievement, with results.</summary>
public sealed record AchievementSubject
{
    /// <summary>The recipient's URI (a DID preferably).</summary>
    public string? Id { get; init; }

    /// <summary>Contains <c>AchievementSubject</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["AchievementSubject"];

    /// <summary>When the learning activity started.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public DateTimeOffset? ActivityStartDate { get; init; }

    /// <summary>When the learning activity ended.</summary>
    [JsonConverter(typeof(DateTimeZConverter))]
    public DateTimeOffset? ActivityEndDate { get; init; }

    /// <summary>Credits earned.</summary>
    public double? CreditsEarned { get; init; }

    /// <summary>The achievement awarded.</summary>
    public required Achievement Achievement { get; init; }

    /// <summary>Identifiers of the recipient (e.g. a hashed email address).</summary>
    public IReadOnlyList<IdentityObject>? Identifier { get; init; }

    /// <summary>An image of this award (e.g. the baked badge).</summary>
    public Image? Image { get; init; }

    /// <summary>A license number.</summary>
    public string? LicenseNumber { get; init; }

    /// <summary>A Markdown narrative of how it was earned.</summary>
    public string? Narrative { get; init; }

    /// <summary>Results obtained.</summary>
    public IReadOnlyList<Result>? Result { get; init; }

    /// <summary>The recipient's role.</summary>
    public string? Role { get; init; }

    /// <summary>The organization that assessed the learner, when not the issuer.</summary>
    public Profile? Source { get; init; }

    /// <summary>The academic term.</summary>
    public string? Term { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }

    /// <summary>A subject identified by a URI (a DID or URL).</summary>
    public static AchievementSubject ForId(string id, Achievement achievement) => new() { Id = id, Achievement = achievement };

    /// <summary>A subject identified by identity objects only (e.g. <see cref="IdentityObject.ForEmailAddress(string)"/>).</summary>
    public static AchievementSubject ForIdentifiers(Achievement achievement, params IdentityObject[] identifiers) =>
        new() { Achievement = achievement, Identifier = identifiers };
}
