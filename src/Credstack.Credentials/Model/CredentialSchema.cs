// VC Data Model 2.0 §4.11 / Open Badges 3.0 §B, CredentialSchema.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Credstack.Credentials.Model;

/// <summary>A schema the credential claims to conform to.</summary>
public sealed record CredentialSchema
{
    /// <summary>The schema URL.</summary>
    public required string Id { get; init; }

    /// <summary>The validator type, e.g. <see cref="KnownContexts.JsonSchemaValidator2019"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Properties this model does not name, kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }

    /// <summary>The 1EdTech JSON Schema entry for an AchievementCredential.</summary>
    public static CredentialSchema AchievementCredential { get; } = new() { Id = KnownContexts.AchievementCredentialSchema, Type = KnownContexts.JsonSchemaValidator2019 };
}
