// CLR 2.0, ClrSubject: the learner, the component credentials (as their exact signed JSON), the
// achievements they relate to and the associations between them.
using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Credentials.Dids;

namespace Credstack.Credentials.Model;

/// <summary>The subject of a ClrCredential: the learner and the credentials the record gathers.</summary>
public sealed record ClrSubject
{
    /// <summary>The learner's URI.</summary>
    public string? Id { get; init; }

    /// <summary>Contains <c>ClrSubject</c>.</summary>
    [JsonConverter(typeof(StringSetConverter))]
    public IReadOnlyList<string> Type { get; init; } = ["ClrSubject"];

    /// <summary>Identifiers of the learner.</summary>
    public IReadOnlyList<IdentityObject>? Identifier { get; init; }

    /// <summary>Achievements described by the record (e.g. a programme and its courses).</summary>
    public IReadOnlyList<Achievement>? Achievement { get; init; }

    /// <summary>The component credentials, at least one, each kept as the exact JSON that was signed.</summary>
    public required IReadOnlyList<EmbeddedCredential> VerifiableCredential { get; init; }

    /// <summary>How the achievements relate.</summary>
    public IReadOnlyList<Association>? Association { get; init; }

    /// <summary>Properties this model does not name (extensions), kept so they round-trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; set; }
}
