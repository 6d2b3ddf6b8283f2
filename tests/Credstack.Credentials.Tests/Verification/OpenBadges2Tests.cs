using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.Model;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>Open Badges 2.0 hosted and signed assertions made in the test, with their documents served by a DocumentMap.</summary>
public sealed class OpenBadges2Tests
{
    private const string IssuerUrl = "https://example.org/issuer.json";
    private const string BadgeUrl = "https://example.org/badges/robotics.json";
    private const string AssertionUrl = "https://example.org/assertions/1001.json";
    private const string KeyUrl = "https://example.org/keys/1.json";
    private const string RevocationListUrl = "https://example.org/revocations.json";

    [Fact]
    public async Task A_hosted_assertion_served_at_its_id_from_the_issuers_origin_verifies()
    {
        var assertion = Assertion("hosted");
        var verifier = Verifier(assertion);

        var report = await verifier.VerifyAsync(assertion.ToJsonString(), At(recipient: "learner@example.org"));

        Assert.True(report.Verified, Codes(report));
        Assert.Equal(CredentialFormat.OpenBadges2Hosted, report.Credential!.Format);
        Assert.Equal("Robotics 101", report.Credential.AchievementName);
        Assert.Equal("Example Robotics Club", report.Credential.IssuerName);
        Assert.True(report.Has(VerificationCode.ProofHosted, CheckStatus.Passed));
        Assert.True(report.Has(VerificationCode.RecipientMismatch, CheckStatus.Passed));
        Assert.True(report.Has(VerificationCode.StatusRevoked, CheckStatus.Passed));
    }

    [Fact]
    public async Task A_hosted_assertion_changed_after_it_was_served_is_not_verified()
    {
        var served = Assertion("hosted");
        var copy = Assertion("hosted");
        copy["issuedOn"] = "2020-01-01T00:00:00Z";

        var report = await Verifier(served).VerifyAsync(copy.ToJsonString(), At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofHosted), Codes(report));
    }

    [Fact]
    public async Task A_hosted_assertion_on_another_origin_than_the_issuer_is_not_verified()
    {
        var assertion = Assertion("hosted", id: "https://elsewhere.example/assertions/1001.json");

        var report = await Verifier(assertion, assertionUrl: "https://elsewhere.example/assertions/1001.json").VerifyAsync(assertion.ToJsonString(), At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofController), Codes(report));
    }

    [Fact]
    public async Task A_hosted_assertion_on_the_issuers_revocation_list_is_not_verified()
    {
        var assertion = Assertion("hosted");

        var report = await Verifier(assertion, revoked: true).VerifyAsync(assertion.ToJsonString(), At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.StatusRevoked), Codes(report));
        Assert.Equal("revoked", report.Credential!.Status);
    }

    [Fact]
    public async Task A_hosted_assertion_is_not_verified_without_a_fetcher_and_nothing_is_fetched()
    {
        var report = await new CredentialVerifier().VerifyAsync(Assertion("hosted").ToJsonString(), At());

        Assert.False(report.Verified);
        Assert.True(report.Has(VerificationCode.ProofHosted, CheckStatus.Skipped), Codes(report));
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task A_signed_assertion_verifies_with_the_issuers_PEM_key()
    {
        using var rsa = RSA.Create(2048);
        var token = SignAssertion(Assertion("signed"), rsa);

        var report = await Verifier(null, rsa: rsa).VerifyAsync(token, At(recipient: "learner@example.org"));

        Assert.True(report.Verified, Codes(report));
        Assert.Equal(CredentialFormat.OpenBadges2Signed, report.Credential!.Format);
        Assert.True(report.Has(VerificationCode.ProofController, CheckStatus.Passed), Codes(report));
    }

    [Fact]
    public async Task A_signed_assertion_with_a_changed_payload_is_not_verified()
    {
        using var rsa = RSA.Create(2048);
        var parts = SignAssertion(Assertion("signed"), rsa).Split('.');
        var changed = Assertion("signed");
        changed["issuedOn"] = "2020-01-01T00:00:00Z";
        var tampered = parts[0] + "." + B64(changed.ToJsonString()) + "." + parts[2];

        var report = await Verifier(null, rsa: rsa).VerifyAsync(tampered, At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofSignature), Codes(report));
    }

    [Fact]
    public async Task A_signed_assertion_whose_key_belongs_to_someone_else_is_not_verified()
    {
        using var rsa = RSA.Create(2048);
        var token = SignAssertion(Assertion("signed"), rsa);

        var report = await Verifier(null, rsa: rsa, keyOwner: "https://attacker.example/issuer.json").VerifyAsync(token, At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(VerificationCode.ProofController), Codes(report));
    }

    private static JsonObject Assertion(string verification, string id = AssertionUrl)
    {
        var assertion = new JsonObject
        {
            ["@context"] = "https://w3id.org/openbadges/v2",
            ["type"] = "Assertion",
            ["id"] = id,
            ["recipient"] = new JsonObject
            {
                ["type"] = "email",
                ["hashed"] = true,
                ["salt"] = "deadsea",
                ["identity"] = IdentityObject.ComputeSha256Hash("learner@example.org", "deadsea"),
            },
            ["badge"] = BadgeUrl,
            ["issuedOn"] = "2026-01-10T09:00:00Z",
            ["verification"] = verification == "signed" ? new JsonObject { ["type"] = "SignedBadge", ["creator"] = KeyUrl } : new JsonObject { ["type"] = "HostedBadge" },
        };
        return assertion;
    }

    private static CredentialVerifier Verifier(JsonObject? served, string assertionUrl = AssertionUrl, bool revoked = false, RSA? rsa = null, string keyOwner = IssuerUrl)
    {
        var documents = new Dictionary<string, ReadOnlyMemory<byte>>
        {
            [BadgeUrl] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2",
                ["type"] = "BadgeClass",
                ["id"] = BadgeUrl,
                ["name"] = "Robotics 101",
                ["issuer"] = IssuerUrl,
            }),
            [IssuerUrl] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2",
                ["type"] = "Issuer",
                ["id"] = IssuerUrl,
                ["name"] = "Example Robotics Club",
                ["revocationList"] = RevocationListUrl,
                ["publicKey"] = KeyUrl,
            }),
            [RevocationListUrl] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2",
                ["type"] = "RevocationList",
                ["id"] = RevocationListUrl,
                ["revokedAssertions"] = revoked ? new JsonArray(new JsonObject { ["id"] = AssertionUrl, ["revocationReason"] = "Issued in error" }) : new JsonArray(),
            }),
        };
        if (served is not null)
        {
            documents[assertionUrl] = Json(served);
        }

        if (rsa is not null)
        {
            documents[KeyUrl] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2",
                ["type"] = "CryptographicKey",
                ["id"] = KeyUrl,
                ["owner"] = keyOwner,
                ["publicKeyPem"] = rsa.ExportSubjectPublicKeyInfoPem(),
            });
        }

        return new CredentialVerifier(new CredentialVerifierOptions { Documents = new DocumentMap(documents) });
    }

    private static string SignAssertion(JsonObject assertion, RSA rsa)
    {
        var signingInput = B64("""{"alg":"RS256"}""") + "." + B64(assertion.ToJsonString());
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    private static string B64(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static byte[] Json(JsonObject document) => Encoding.UTF8.GetBytes(document.ToJsonString());
}
