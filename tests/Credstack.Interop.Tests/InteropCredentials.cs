using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Model;

namespace Credstack.Interop.Tests;

/// <summary>The typical Open Badges 3.0 credential both stacks sign, its tampered copy, and key files for node.</summary>
internal static class InteropCredentials
{
    /// <summary>
    /// An AchievementCredential from the issuer's did:key: issuer profile, a micro-credential with criteria, image,
    /// an ESCO alignment and a grade, awarded to a hashed e-mail address, valid from yesterday for five years.
    /// No credentialSchema: its type 1EdTechJsonSchemaValidator2019 is in no context it cites, so both stacks' safe
    /// mode refuses it (see docs/performance.md).
    /// </summary>
    public static byte[] Unsigned(VerificationKey issuerKey, int serial = 1)
    {
        var validFrom = TimeProvider.System.GetUtcNow().AddDays(-1);
        validFrom = new DateTimeOffset(validFrom.Year, validFrom.Month, validFrom.Day, 9, 0, 0, TimeSpan.Zero);
        var gradeId = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000aa";
        var achievement = new Achievement
        {
            Id = "https://credentials.example-university.edu/achievements/data-analysis-python",
            Name = "Data Analysis with Python",
            Description = "Learners clean, explore, visualise and model tabular data with Python and communicate their findings.",
            Criteria = new Criteria { Narrative = "Complete the six graded notebooks with at least 70% each and pass the practical examination." },
            AchievementType = AchievementType.MicroCredential,
            Image = new Image { Id = "https://credentials.example-university.edu/achievements/data-analysis-python/badge.png", Caption = "Data Analysis with Python badge" },
            CreditsAvailable = 5,
            Tag = ["data analysis", "python"],
            Alignment =
            [
                new Alignment
                {
                    TargetName = "Analyse data",
                    TargetUrl = "http://data.europa.eu/esco/skill/2b6e5a6e-3d0e-4e27-9f88-5a4f4f2b1b3c",
                    TargetFramework = "ESCO",
                    TargetCode = "S2.7.1",
                },
            ],
            ResultDescription = [new ResultDescription { Id = gradeId, Name = "Grade", ResultType = ResultType.LetterGrade, AllowedValue = ["D", "C", "B", "A"] }],
        };
        var subject = AchievementSubject.ForIdentifiers(achievement, IdentityObject.CreateHashed(IdentifierType.EmailAddress, "learner@example.org", "8kq2Zt7uWn")) with
        {
            Result = [new Result { ResultDescription = gradeId, Value = "A" }],
            CreditsEarned = 5,
        };
        var issuer = new Profile
        {
            Id = DidKey.CreateDid(issuerKey),
            Name = "Example University School of Computing",
            Url = "https://www.example-university.edu/computing",
            Description = "Degrees and stackable micro-credentials in data and software.",
        };
        return AchievementCredential.Create(
            issuer,
            subject,
            validFrom,
            validFrom.AddYears(5),
            id: $"urn:uuid:0193f1a2-7c00-7000-8000-{serial:D12}").ToUtf8Json();
    }

    /// <summary>The credential with the achievement's name changed: what a forger would do after signing.</summary>
    public static string Tampered(string signedJson)
    {
        var root = JsonNode.Parse(signedJson)!.AsObject();
        root["credentialSubject"]!["achievement"]!["name"] = "Data Analysis with Python (Distinction)";
        return root.ToJsonString();
    }

    public static string Text(ReadOnlyMemory<byte> utf8) => Encoding.UTF8.GetString(utf8.Span);

    /// <summary>Writes the Multikey pair node signs with (a test key, in the test's own temporary folder).</summary>
    public static string WriteKeyFile(string folder, SigningKey key, string name)
    {
        var path = Path.Combine(folder, name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["publicKeyMultibase"] = key.PublicKey.ExportPublicKeyMultibase(),
            ["secretKeyMultibase"] = key.ExportSecretKeyMultibase(),
        }));
        return path;
    }
}
