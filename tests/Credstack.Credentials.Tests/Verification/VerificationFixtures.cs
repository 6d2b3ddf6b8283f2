using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>Credentials issued in the test itself (did:key issuers), and verifiers over fake seams.</summary>
internal static class VerificationFixtures
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static VerificationRequest At(DateTimeOffset? now = null, string? recipient = null) => new() { Now = now ?? Now, ExpectedRecipient = recipient };

    /// <summary>An unsigned OB 3.0 credential issued by <paramref name="issuer"/> to an email (hashed with a fixed salt) and a DID.</summary>
    public static JsonObject Unsigned(string issuer, string? validUntil = null, JsonObject? status = null)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-000000000001",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = "Data Analysis with Python",
            ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Example University" },
            ["validFrom"] = "2026-01-10T09:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:learner",
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["hashed"] = true,
                    ["identityHash"] = Credstack.Credentials.Model.IdentityObject.ComputeSha256Hash("learner@example.org", "pepper"),
                    ["identityType"] = "emailAddress",
                    ["salt"] = "pepper",
                }),
                ["achievement"] = new JsonObject
                {
                    ["id"] = "https://example.edu/achievements/data-analysis",
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = "Data Analysis with Python",
                    ["description"] = "Clean, explore and model tabular data.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Pass the final project." },
                },
            },
        };
        if (validUntil is not null)
        {
            credential["validUntil"] = validUntil;
        }

        if (status is not null)
        {
            credential["credentialStatus"] = status;
        }

        return credential;
    }

    public static byte[] Sign(JsonObject unsigned, SigningKey key, DataIntegrityCryptosuite suite, string? verificationMethod = null)
    {
        var signer = new DataIntegritySigner(new FixedTime(IssuedAt));
        var signed = signer.Sign(
            Encoding.UTF8.GetBytes(unsigned.ToJsonString()),
            key,
            new DataIntegrityProofOptions { VerificationMethod = verificationMethod ?? DidKey.VerificationMethodId(key.PublicKey), Cryptosuite = suite });
        Assert.True(signed.Succeeded, signed.ToString());
        return signed.SignedDocument!;
    }

    /// <summary>An OB 3.0 credential issued by the key's did:key and signed with <paramref name="suite"/>.</summary>
    public static byte[] Issue(SigningKey key, DataIntegrityCryptosuite suite, string? validUntil = null, JsonObject? status = null) =>
        Sign(Unsigned(DidKey.CreateDid(key.PublicKey), validUntil, status), key, suite);

    public static string IssueJwt(SigningKey key, JwtProfile profile, string? validUntil = null, JsonObject? status = null)
    {
        var unsigned = Unsigned(DidKey.CreateDid(key.PublicKey), validUntil, status);
        var bytes = Encoding.UTF8.GetBytes(unsigned.ToJsonString());
        var kid = DidKey.VerificationMethodId(key.PublicKey);
        var result = profile == JwtProfile.OpenBadges ? JwtCredentialSigner.SignOpenBadges(bytes, key, kid) : JwtCredentialSigner.SignCredential(bytes, key, kid);
        Assert.True(result.Succeeded, result.ToString());
        return result.Token!;
    }

    public static byte[] Edit(byte[] document, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        change(root);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static string Codes(VerificationReport report) => string.Join(Environment.NewLine, report.Checks);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
