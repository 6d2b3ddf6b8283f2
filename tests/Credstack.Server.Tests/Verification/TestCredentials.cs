using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.Baking;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Server.Tests.Verification;

/// <summary>Open Badges 3.0 credentials signed in the test itself by a did:key issuer, in every form /verify reads.</summary>
internal static class TestCredentials
{
    /// <summary>A 1×1 PNG with nothing baked in it.</summary>
    public static readonly byte[] PlainPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static readonly byte[] PlainSvg = """<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>"""u8.ToArray();

    private static readonly DateTimeOffset IssuedAt = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The issuer key of the credentials below (one per test run).</summary>
    public static SigningKey Key { get; } = Ed25519SigningKey.Generate();

    public static string Issuer => DidKey.CreateDid(Key.PublicKey);

    /// <summary>An unsigned OB 3.0 AchievementCredential from <paramref name="issuer"/>.</summary>
    public static JsonObject Unsigned(string issuer) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000a1",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["name"] = "Data Analysis with Python",
        ["issuer"] = new JsonObject { ["id"] = issuer, ["type"] = new JsonArray("Profile"), ["name"] = "Example University" },
        ["validFrom"] = "2026-01-10T09:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = "did:example:learner",
            ["type"] = new JsonArray("AchievementSubject"),
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

    /// <summary>The credential signed with eddsa-rdfc-2022 by <see cref="Key"/>.</summary>
    public static byte[] Signed() => Sign(Unsigned(Issuer), DidKey.VerificationMethodId(Key.PublicKey));

    /// <summary>Signed, with <paramref name="verificationMethod"/> naming the key (e.g. a did:web the server cannot resolve).</summary>
    public static byte[] Sign(JsonObject unsigned, string verificationMethod)
    {
        var signer = new DataIntegritySigner(new FixedTime(IssuedAt));
        var signed = signer.Sign(Encoding.UTF8.GetBytes(unsigned.ToJsonString()), Key, new DataIntegrityProofOptions { VerificationMethod = verificationMethod });
        Assert.True(signed.Succeeded, signed.ToString());
        return signed.SignedDocument!;
    }

    /// <summary>The signed credential with one character of its proof value changed.</summary>
    public static byte[] Tampered()
    {
        var root = JsonNode.Parse(Signed())!.AsObject();
        var proof = root["proof"]!.AsObject();
        var value = proof["proofValue"]!.GetValue<string>();
        proof["proofValue"] = value[..^3] + (value[^3] == 'A' ? 'B' : 'A') + value[^2..];
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The credential as an OB 3.0 VC-JWT.</summary>
    public static string Jwt()
    {
        var result = JwtCredentialSigner.SignOpenBadges(Encoding.UTF8.GetBytes(Unsigned(Issuer).ToJsonString()), Key, DidKey.VerificationMethodId(Key.PublicKey));
        Assert.True(result.Succeeded, result.ToString());
        return result.Token!;
    }

    public static byte[] BakedPng()
    {
        var baked = PngBaker.Bake(PlainPng, Encoding.UTF8.GetString(Signed()));
        Assert.True(baked.Succeeded, baked.Reason);
        return baked.Image!;
    }

    public static byte[] BakedSvg()
    {
        var baked = SvgBaker.Bake(PlainSvg, Encoding.UTF8.GetString(Signed()));
        Assert.True(baked.Succeeded, baked.Reason);
        return baked.Image!;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
