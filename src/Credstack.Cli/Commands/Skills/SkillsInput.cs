using System.Text.Json;
using System.Text.Json.Serialization;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Cli.Commands.Skills;

/// <summary>Reads what the skills commands take: a taxonomy folder and JSON documents; failures are messages, not exceptions.</summary>
internal static class SkillsInput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TaxonomyImportResult ImportTaxonomy(string format, string directory, CancellationToken cancellationToken) =>
        format.ToUpperInvariant() switch
        {
            "ESCO" => EscoImporter.Import(directory, cancellationToken),
            "ONET" => OnetImporter.Import(directory, cancellationToken),
            _ => new TaxonomyImportResult(null, [new ImportProblem(format, 0, "unknown taxonomy format: use esco or onet")], 0, 0, 0),
        };

    public static T? Read<T>(string path, TextWriter error)
        where T : class
    {
        try
        {
            using var stream = File.OpenRead(path);
            var value = JsonSerializer.Deserialize<T>(stream, Json);
            if (value is null)
            {
                error.WriteLine($"{path}: the document is empty (null)");
            }

            return value;
        }
        catch (IOException e)
        {
            error.WriteLine($"{path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"{path}: {e.Message}");
        }
        catch (JsonException e)
        {
            error.WriteLine($"{path}: invalid JSON for {typeof(T).Name}: {e.Message}");
        }

        return null;
    }

    public static ProfileBuildResult BuildProfile(SkillTaxonomy taxonomy, ProfileDocument document, DateTimeOffset asOf) =>
        new ProfileBuilder(taxonomy, labels: null).Build(document.PersonId ?? "person", document.Evidence ?? [], asOf, document.OccupationId);

    public static void WriteJson<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Json));
}

/// <summary>A profile file: who, their declared occupation and their evidence.</summary>
internal sealed record ProfileDocument(string? PersonId, string? OccupationId, List<SkillEvidence>? Evidence);
