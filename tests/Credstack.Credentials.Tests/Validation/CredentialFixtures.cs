using System.Text.Json;
using System.Text.Json.Nodes;

namespace Credstack.Credentials.Tests.Validation;

/// <summary>
/// A credential that uses every OB 3.0 class once (written for these tests), and the edits the mutation
/// tests make to it: paths are dotted property names with [n] indices, '@context' allowed as a name.
/// </summary>
internal static class CredentialFixtures
{
    public const string Full = """
    {
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      "id": "urn:uuid:0190a3c2-0000-7000-8000-000000000001",
      "type": ["VerifiableCredential", "OpenBadgeCredential"],
      "name": "Data Analysis Fundamentals",
      "description": "Awarded for the data analysis course.",
      "image": { "id": "https://university.example/badges/data.png", "type": "Image", "caption": "Badge" },
      "awardedDate": "2024-06-01T12:00:00Z",
      "issuer": {
        "id": "https://university.example/issuers/1",
        "type": ["Profile"],
        "name": "Example University",
        "url": "https://university.example",
        "email": "registrar@university.example",
        "image": { "id": "https://university.example/logo.png", "type": "Image" },
        "address": {
          "type": ["Address"],
          "addressCountryCode": "NL",
          "addressLocality": "Delft",
          "geo": { "type": "GeoCoordinates", "latitude": 52.0, "longitude": 4.36 }
        },
        "otherIdentifier": [{ "type": "IdentifierEntry", "identifier": "00AB", "identifierType": "sourcedId" }],
        "parentOrg": { "id": "did:web:federation.example", "type": ["Profile"], "name": "Federation" },
        "dateOfBirth": "1842-01-08"
      },
      "validFrom": "2024-06-01T12:00:00Z",
      "validUntil": "2029-06-01T12:00:00+02:00",
      "credentialSubject": {
        "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "type": ["AchievementSubject"],
        "activityStartDate": "2024-02-01T09:00:00",
        "activityEndDate": "2024-05-31T17:00:00Z",
        "creditsEarned": 5,
        "identifier": [{
          "type": "IdentityObject",
          "hashed": true,
          "identityHash": "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
          "identityType": "emailAddress",
          "salt": "Kosher"
        }],
        "result": [{ "type": ["Result"], "resultDescription": "urn:uuid:0190a3c2-0000-7000-8000-0000000000aa", "value": "A", "status": "Completed" }],
        "source": { "id": "https://faculty.university.example", "type": ["Profile"] },
        "achievement": {
          "id": "https://university.example/achievements/data-101",
          "type": ["Achievement"],
          "achievementType": "Course",
          "name": "Data Analysis Fundamentals",
          "description": "Collect, clean and analyse data.",
          "criteria": { "id": "https://university.example/achievements/data-101/criteria", "narrative": "Pass the final exam." },
          "image": { "id": "https://university.example/badges/data.png", "type": "Image" },
          "inLanguage": "en-GB",
          "creditsAvailable": 5,
          "tag": ["data", "statistics"],
          "alignment": [{
            "type": ["Alignment"],
            "targetName": "Analyse data",
            "targetUrl": "http://data.europa.eu/esco/skill/0b3b3b3b",
            "targetType": "ext:EscoSkill",
            "targetFramework": "ESCO"
          }],
          "otherIdentifier": [{ "type": "IdentifierEntry", "identifier": "DATA-101", "identifierType": "identifier" }],
          "related": [{ "id": "https://university.example/achievements/data-101-nl", "type": ["Related"], "inLanguage": "nl" }],
          "resultDescription": [{
            "id": "urn:uuid:0190a3c2-0000-7000-8000-0000000000aa",
            "type": ["ResultDescription"],
            "name": "Final grade",
            "resultType": "LetterGrade",
            "allowedValue": ["D", "C", "B", "A"],
            "rubricCriterionLevel": [{ "id": "urn:uuid:0190a3c2-0000-7000-8000-0000000000bb", "type": ["RubricCriterionLevel"], "name": "Mastery", "points": "4" }]
          }]
        }
      },
      "endorsement": [{
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:0190a3c2-0000-7000-8000-0000000000cc",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Accreditation",
        "issuer": "https://accreditor.example/issuers/9",
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": { "id": "https://university.example/issuers/1", "type": ["EndorsementSubject"], "endorsementComment": "In good standing." }
      }],
      "evidence": [{ "id": "https://university.example/evidence/1", "type": ["Evidence"], "name": "Final project" }],
      "credentialSchema": [{ "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json", "type": "1EdTechJsonSchemaValidator2019" }],
      "credentialStatus": { "id": "https://university.example/status/1#94567", "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "94567", "statusListCredential": "https://university.example/status/1" },
      "refreshService": { "id": "https://university.example/refresh/1", "type": "1EdTechCredentialRefresh" },
      "termsOfUse": [{ "type": "IssuerPolicy", "id": "https://university.example/policy" }],
      "proof": [{
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2024-06-01T12:00:01Z",
        "verificationMethod": "https://university.example/issuers/1#key-1",
        "proofPurpose": "assertionMethod",
        "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKFkBNk6pwkAJV9g8"
      }]
    }
    """;

    public static JsonObject FullNode() => JsonNode.Parse(Full)!.AsObject();

    public static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node);

    /// <summary>The parent of the node at <paramref name="path"/> and the last segment (a name or an index).</summary>
    public static (JsonNode Parent, string Last) Locate(JsonNode root, string path)
    {
        var segments = Segments(path);
        var node = root;
        foreach (var segment in segments[..^1])
        {
            node = int.TryParse(segment, out var index) ? node[index]! : node[segment]!;
        }

        return (node, segments[^1]);
    }

    public static JsonObject Without(string path)
    {
        var root = FullNode();
        var (parent, last) = Locate(root, path);
        Assert.True(parent.AsObject().Remove(last), "the fixture has " + path);
        return root;
    }

    public static JsonObject With(string path, JsonNode? value)
    {
        var root = FullNode();
        var (parent, last) = Locate(root, path);
        if (int.TryParse(last, out var index))
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent[last] = value;
        }

        return root;
    }

    /// <summary>The JSONPath the validator reports for a fixture path.</summary>
    public static string JsonPath(string path)
    {
        var text = "$";
        foreach (var segment in Segments(path))
        {
            text += int.TryParse(segment, out _) ? "[" + segment + "]" : segment.StartsWith('@') ? "['" + segment + "']" : "." + segment;
        }

        return text;
    }

    private static string[] Segments(string path) =>
        path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
}
