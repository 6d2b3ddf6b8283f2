using System.Text;
using System.Text.Json.Nodes;

namespace Credstack.Server.Tests.Keys;

/// <summary>Unsigned OB 3.0 credentials for signing tests.</summary>
internal static class TestCredentials
{
    public const string PublicBaseUrl = "https://issuers.credstack.test";

    public static Dictionary<string, string?> Settings => new(StringComparer.Ordinal) { ["Credstack:PublicBaseUrl"] = PublicBaseUrl };

    public static string DidOf(string orgId) => $"did:web:issuers.credstack.test:issuers:{orgId}";

    public static byte[] Unsigned(string issuer, string name = "Data Literacy")
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:" + Guid.NewGuid(),
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Acme University" },
            ["validFrom"] = "2026-01-15T09:00:00Z",
            ["name"] = name,
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:learner",
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = "https://issuers.credstack.test/achievements/1",
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = name,
                    ["description"] = "Reads and explains charts.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Pass the assessment." },
                },
            },
        };
        return Encoding.UTF8.GetBytes(credential.ToJsonString());
    }
}
