using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;
using Credstack.JsonLd;
using SimpleBase;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>
/// The policy for credentialSchema types no context defines (docs/credential-validation.md): issuers that canonicalize
/// without safe mode (as jsonld.js does) sign OB 3.0 credentials whose 1EdTechJsonSchemaValidator2019 type JSON-LD drops.
/// </summary>
public sealed class SafeModePolicyTests
{
    private const string SchemaType = "1EdTechJsonSchemaValidator2019";

    [Fact]
    public async Task A_credential_whose_only_undefined_term_is_the_1EdTech_schema_type_verifies_with_a_warning()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);

        var report = await new CredentialVerifier().VerifyAsync(SignWithoutSafeMode(WithSchema(key), key), At());

        Assert.True(report.Verified, Codes(report));
        var warning = Assert.Single(report.Warnings, w => w.Code == VerificationCode.StructureJsonLd);
        Assert.Equal("credential-schema-type-undefined", warning.Problem);
        Assert.Contains(SchemaType, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_with_another_undefined_term_beside_the_schema_type_is_refused()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var credential = WithSchema(key);
        credential["favouriteColour"] = "blue";

        var report = await new CredentialVerifier().VerifyAsync(SignWithoutSafeMode(credential, key), At());

        Assert.False(report.Verified);
        var failure = Assert.Single(report.Errors, e => e.Code == VerificationCode.StructureJsonLd);
        Assert.Equal(JsonLdErrorCode.SafeModeDroppedTerm, failure.Problem);
    }

    [Fact]
    public async Task With_no_tolerated_types_the_schema_type_is_refused_like_any_undefined_term()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { ToleratedCredentialSchemaTypes = new HashSet<string>() });

        var report = await verifier.VerifyAsync(SignWithoutSafeMode(WithSchema(key), key), At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.StructureJsonLd), Codes(report));
    }

    [Fact]
    public async Task The_schema_id_stays_signed_under_the_policy()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var signed = SignWithoutSafeMode(WithSchema(key), key);
        var tampered = Edit(signed, root => root["credentialSchema"]![0]!["id"] = "https://attacker.example/schema.json");

        var report = await new CredentialVerifier().VerifyAsync(tampered, At());

        Assert.True(report.HasFailed(VerificationCode.ProofSignature), Codes(report));
    }

    private static JsonObject WithSchema(SigningKey key)
    {
        var credential = Unsigned(DidKey.CreateDid(key.PublicKey));
        credential["credentialSchema"] = new JsonArray(new JsonObject
        {
            ["id"] = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            ["type"] = SchemaType,
        });
        return credential;
    }

    /// <summary>eddsa-rdfc-2022 as an issuer that canonicalizes without safe mode signs: undefined terms silently dropped.</summary>
    private static byte[] SignWithoutSafeMode(JsonObject credential, SigningKey key)
    {
        var config = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-rdfc-2022",
            ["created"] = "2026-01-10T09:00:00Z",
            ["verificationMethod"] = DidKey.VerificationMethodId(key.PublicKey),
            ["proofPurpose"] = "assertionMethod",
        };
        var withContext = (JsonObject)config.DeepClone();
        withContext["@context"] = credential["@context"]!.DeepClone();
        var hashes = ProofHasher.Compute(Encoding.UTF8.GetBytes(credential.ToJsonString()), withContext, rdfc: true, HashAlgorithmName.SHA256, JsonLdOptions.Default);
        config["proofValue"] = "z" + Base58.Bitcoin.Encode(key.Sign(hashes.HashData.Span));
        credential["proof"] = config;
        return Encoding.UTF8.GetBytes(credential.ToJsonString());
    }
}
