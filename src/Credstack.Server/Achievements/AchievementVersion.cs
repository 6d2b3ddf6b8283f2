using System.Text.Json;

namespace Credstack.Server.Achievements;

/// <summary>One stored version of an achievement, with the achievement's current state (latest version, archived). Never sent on the wire.</summary>
internal sealed class AchievementVersion
{
    internal static readonly JsonSerializerOptions DefinitionJson = new(JsonSerializerDefaults.Web);

    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required long Version { get; init; }

    public required long LatestVersion { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>When this version was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    /// <summary>The <see cref="AchievementDefinition"/> JSON as stored.</summary>
    public required string Definition { get; init; }

    public bool IsArchived => ArchivedAt is not null;

    public AchievementDefinition ReadDefinition() =>
        JsonSerializer.Deserialize<AchievementDefinition>(Definition, DefinitionJson)
        ?? throw new InvalidOperationException($"achievement {Id} version {Version} has an empty definition");
}
