using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Server.Tests.OpenBadgesApi;

/// <summary>OB 3.0 credentials signed by a fresh did:key issuer, as an issuing platform would send them to a learner's host.</summary>
public sealed class TestCredentials
{
    private static readonly DateTimeOffset Created = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();

    public string IssuerDid => DidKey.CreateDid(_key.PublicKey);

    public string KeyId => DidKey.VerificationMethodId(_key.PublicKey);

    /// <summary>The unsigned credential.</summary>
    public byte[] UnsignedJson(string id = "urn:uuid:2b8f0c64-8f2a-4d8a-9d4e-6a1c1f0c0001", string name = "Teamwork", string? issuerId = null)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = issuerId ?? IssuerDid, ["type"] = new JsonArray("Profile"), ["name"] = "Example University" },
            ["validFrom"] = "2025-06-01T00:00:00Z",
            ["name"] = name,
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:learner",
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = "https://example.edu/achievements/teamwork",
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = name,
                    ["description"] = "Collaborates within a group.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Nominated by peers." },
                },
            },
        };
        return Encoding.UTF8.GetBytes(credential.ToJsonString());
    }

    /// <summary>The credential with an eddsa-rdfc-2022 proof.</summary>
    public byte[] SignedJson(string id = "urn:uuid:2b8f0c64-8f2a-4d8a-9d4e-6a1c1f0c0001", string name = "Teamwork")
    {
        var result = new DataIntegritySigner().Sign(UnsignedJson(id, name), _key, new DataIntegrityProofOptions
        {
            VerificationMethod = DidKey.VerificationMethodId(_key.PublicKey),
            Created = Created,
        });
        Assert.True(result.Succeeded, result.ToString());
        return result.SignedDocument!;
    }

    /// <summary>The credential signed as <paramref name="issuerId"/> (by default with the key <paramref name="issuerId"/>#key-1).</summary>
    public byte[] SignedJsonAs(string issuerId, string? verificationMethod = null)
    {
        var result = new DataIntegritySigner().Sign(UnsignedJson(issuerId: issuerId), _key, new DataIntegrityProofOptions
        {
            VerificationMethod = verificationMethod ?? issuerId + "#key-1",
            Created = Created,
        });
        Assert.True(result.Succeeded, result.ToString());
        return result.SignedDocument!;
    }

    /// <summary>The credential as an OB 3.0 VC-JWT compact JWS.</summary>
    public string Jws(string id = "urn:uuid:2b8f0c64-8f2a-4d8a-9d4e-6a1c1f0c0002", string? issuerId = null, string? keyId = null)
    {
        var result = JwtCredentialSigner.SignOpenBadges(UnsignedJson(id, issuerId: issuerId), _key, keyId ?? DidKey.VerificationMethodId(_key.PublicKey));
        Assert.True(result.Succeeded, result.ToString());
        return result.Token!;
    }
}
