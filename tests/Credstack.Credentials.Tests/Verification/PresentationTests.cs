using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Validation;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>
/// Verifiable presentations through the one verifier: the holder's proof (authentication, challenge, domain, the holder's
/// key), a nested report per presented credential, holder claims, and the unsigned-presentation policy. The tamper matrix
/// runs every signing suite; an untampered presentation of each verifies, so every row can fail.
/// </summary>
public sealed class PresentationTests
{
    private const string Challenge = "c-3f9a71e2";
    private const string Domain = "verifier.example";

    public enum Suite
    {
        EddsaRdfc,
        EddsaJcs,
        EcdsaRdfcP256,
        EcdsaRdfcP384,
        EcdsaJcsP256,
        EcdsaJcsP384,
    }

    public enum Tampering
    {
        ChangeEmbeddedCredential,
        ResignOverAChangedCredential,
        ChangeHolder,
        WrongChallenge,
        WrongDomain,
        SignerNotTheHolder,
        SignForAssertionNotAuthentication,
        DropProof,
    }

    public static TheoryData<Suite> Suites() => [.. Enum.GetValues<Suite>()];

    public static TheoryData<Suite, Tampering, string> Matrix()
    {
        var data = new TheoryData<Suite, Tampering, string>();
        foreach (var suite in Enum.GetValues<Suite>())
        {
            data.Add(suite, Tampering.ChangeEmbeddedCredential, VerificationCode.ProofSignature);
            data.Add(suite, Tampering.ResignOverAChangedCredential, VerificationCode.EmbeddedInvalid);
            data.Add(suite, Tampering.ChangeHolder, VerificationCode.ProofSignature);
            data.Add(suite, Tampering.WrongChallenge, VerificationCode.ProofChallenge);
            data.Add(suite, Tampering.WrongDomain, VerificationCode.ProofDomain);
            data.Add(suite, Tampering.SignerNotTheHolder, VerificationCode.ProofController);
            data.Add(suite, Tampering.SignForAssertionNotAuthentication, VerificationCode.ProofPurpose);
            data.Add(suite, Tampering.DropProof, VerificationCode.ProofPresent);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task A_presentation_signed_by_its_holder_verifies_with_a_nested_report_for_each_credential(Suite suite)
    {
        using var issuer = SigningKey.Generate(KeyTypeOf(suite));
        using var holder = SigningKey.Generate(KeyTypeOf(suite));
        var second = VerificationFixtures.Unsigned(DidKey.CreateDid(issuer.PublicKey));
        second["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-000000000002";
        second["credentialSubject"]!["achievement"]!["name"] = "Statistics with R";
        var presentation = Present(holder, SuiteOf(suite), Issue(issuer, SuiteOf(suite)), VerificationFixtures.Sign(second, issuer, SuiteOf(suite)));

        var report = await Verifier().VerifyAsync(presentation, Expecting());

        Assert.True(report.Verified, Codes(report));
        Assert.True(report.Credential!.IsPresentation);
        Assert.Equal(DidKey.CreateDid(holder.PublicKey), report.Credential.HolderId);
        Assert.True(report.Has(VerificationCode.ProofController, CheckStatus.Passed), Codes(report));
        Assert.True(report.Has(VerificationCode.ProofChallenge, CheckStatus.Passed), Codes(report));
        Assert.True(report.Has(VerificationCode.ProofDomain, CheckStatus.Passed), Codes(report));
        Assert.Equal(["$.verifiableCredential[0]", "$.verifiableCredential[1]"], report.Embedded.Select(e => e.Path));
        Assert.All(report.Embedded, e => Assert.True(e.Report.Verified, Codes(e.Report)));
        Assert.Equal(2, report.ChecksFor(VerificationCode.EmbeddedInvalid).Count(c => c.Status == CheckStatus.Passed));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_tampered_presentation_is_not_verified_and_the_failed_check_names_the_tampering(Suite suite, Tampering tampering, string code)
    {
        using var issuer = SigningKey.Generate(KeyTypeOf(suite));
        using var holder = SigningKey.Generate(KeyTypeOf(suite));
        using var other = SigningKey.Generate(KeyTypeOf(suite));
        var cryptosuite = SuiteOf(suite);
        var credential = Issue(issuer, cryptosuite);
        var request = Expecting();
        byte[] presentation;
        switch (tampering)
        {
            case Tampering.ChangeEmbeddedCredential:
                presentation = Edit(Present(holder, cryptosuite, credential), p => p["verifiableCredential"]![0]!["name"] = "Data Analysis with Pythons");
                break;
            case Tampering.ResignOverAChangedCredential:
                presentation = Present(holder, cryptosuite, Edit(credential, c => c["name"] = "Data Analysis with Pythons"));
                break;
            case Tampering.ChangeHolder:
                presentation = Edit(Present(holder, cryptosuite, credential), p => p["holder"] = DidKey.CreateDid(other.PublicKey));
                break;
            case Tampering.WrongChallenge:
                presentation = Present(holder, cryptosuite, credential);
                request = request with { ExpectedChallenge = "another-challenge" };
                break;
            case Tampering.WrongDomain:
                presentation = Present(holder, cryptosuite, credential);
                request = request with { ExpectedDomain = "attacker.example" };
                break;
            case Tampering.SignerNotTheHolder:
                presentation = PresentAs(holder, cryptosuite, [credential], signer: other);
                break;
            case Tampering.SignForAssertionNotAuthentication:
                presentation = PresentAs(holder, cryptosuite, [credential], purpose: "assertionMethod");
                break;
            default:
                presentation = Edit(Present(holder, cryptosuite, credential), p => p.Remove("proof"));
                request = request with { UnsignedPresentation = UnsignedPresentationPolicy.Fail };
                break;
        }

        var report = await Verifier().VerifyAsync(presentation, request);

        Assert.False(report.Verified, Codes(report));
        Assert.True(report.HasFailed(code), $"{code} did not fail:{Environment.NewLine}{Codes(report)}");
    }

    [Fact]
    public async Task An_unsigned_presentation_warns_by_default_that_the_holder_is_not_authenticated_and_verifies_on_its_credentials()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var unsigned = Bytes(Unsigned(DidKey.CreateDid(holder.PublicKey), Node(Issue(issuer, DataIntegrityCryptosuite.EddsaRdfc2022))));

        var warned = await Verifier().VerifyAsync(unsigned, Expecting());
        var failed = await Verifier().VerifyAsync(unsigned, Expecting() with { UnsignedPresentation = UnsignedPresentationPolicy.Fail });
        var skipped = await Verifier().VerifyAsync(unsigned, Expecting() with { UnsignedPresentation = UnsignedPresentationPolicy.Skip });

        var warning = Assert.Single(warned.ChecksFor(VerificationCode.ProofPresent));
        Assert.Equal(CheckStatus.Warning, warning.Status);
        Assert.Contains("holder is not authenticated", warning.Message, StringComparison.Ordinal);
        Assert.True(warned.Verified, Codes(warned));
        Assert.False(failed.Verified, Codes(failed));
        Assert.True(failed.HasFailed(VerificationCode.ProofPresent), Codes(failed));
        Assert.True(skipped.Has(VerificationCode.ProofPresent, CheckStatus.Skipped), Codes(skipped));
        Assert.True(skipped.Verified, Codes(skipped));
    }

    [Fact]
    public async Task An_unsigned_presentation_without_a_verifying_credential_is_not_verified()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        var tampered = Edit(Issue(issuer, DataIntegrityCryptosuite.EddsaRdfc2022), c => c["name"] = "Changed");

        var empty = await Verifier().VerifyAsync(Bytes(Unsigned(null)), Expecting());
        var bad = await Verifier().VerifyAsync(Bytes(Unsigned(null, Node(tampered))), Expecting());

        Assert.False(empty.Verified, Codes(empty));
        Assert.False(bad.Verified, Codes(bad));
        Assert.True(bad.HasFailed(VerificationCode.EmbeddedInvalid), Codes(bad));
        Assert.True(Assert.Single(bad.Embedded).Report.HasFailed(VerificationCode.ProofSignature));
    }

    [Fact]
    public async Task A_holder_claim_verifies_through_the_presentation_proof_when_the_holder_issued_it()
    {
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var holderDid = DidKey.CreateDid(holder.PublicKey);
        var presentation = Sign(Unsigned(holderDid, Claim(holderDid)), holder, DataIntegrityCryptosuite.EddsaRdfc2022);

        var report = await Verifier().VerifyAsync(presentation, Expecting());

        Assert.True(report.Verified, Codes(report));
        Assert.True(report.Has(VerificationCode.EmbeddedSelfAsserted, CheckStatus.Passed), Codes(report));
        Assert.True(Assert.Single(report.Embedded).Report.Has(VerificationCode.ProofPresent, CheckStatus.Skipped));
    }

    [Theory]
    [InlineData("issuer-is-someone-else")]
    [InlineData("no-holder")]
    [InlineData("presentation-unsigned")]
    public async Task A_holder_claim_is_refused_unless_the_holder_issued_it_and_signed_the_presentation(string variant)
    {
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var holderDid = DidKey.CreateDid(holder.PublicKey);
        var presentation = variant switch
        {
            "issuer-is-someone-else" => Sign(Unsigned(holderDid, Claim("did:example:alice")), holder, DataIntegrityCryptosuite.EddsaRdfc2022),
            "no-holder" => Sign(Unsigned(null, Claim(holderDid)), holder, DataIntegrityCryptosuite.EddsaRdfc2022),
            _ => Bytes(Unsigned(holderDid, Claim(holderDid))),
        };

        var report = await Verifier().VerifyAsync(presentation, Expecting());

        Assert.False(report.Verified, Codes(report));
        var check = Assert.Single(report.ChecksFor(VerificationCode.EmbeddedSelfAsserted));
        Assert.Equal((CheckStatus.Failed, ValidationCode.HolderClaimMismatch, "$.verifiableCredential[0]"), (check.Status, check.Problem, check.Path));
    }

    [Fact]
    public async Task A_presentation_without_a_holder_verifies_with_a_warning_that_nothing_binds_the_signer()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        using var signer = SigningKey.Generate(KeyType.Ed25519);
        var presentation = Sign(Unsigned(null, Node(Issue(issuer, DataIntegrityCryptosuite.EddsaRdfc2022))), signer, DataIntegrityCryptosuite.EddsaRdfc2022);

        var report = await Verifier().VerifyAsync(presentation, Expecting());

        Assert.True(report.Verified, Codes(report));
        var controller = Assert.Single(report.ChecksFor(VerificationCode.ProofController));
        Assert.Equal((CheckStatus.Warning, "holder-missing"), (controller.Status, controller.Problem));
    }

    [Fact]
    public async Task Without_an_expected_challenge_the_presentation_proof_warns_that_it_could_be_a_replay()
    {
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var presentation = Sign(Unsigned(DidKey.CreateDid(holder.PublicKey)), holder, DataIntegrityCryptosuite.EddsaRdfc2022);

        var report = await Verifier().VerifyAsync(presentation, At());

        var challenge = Assert.Single(report.ChecksFor(VerificationCode.ProofChallenge));
        Assert.Equal(CheckStatus.Warning, challenge.Status);
        Assert.Contains("replay", challenge.Message, StringComparison.Ordinal);
        Assert.True(report.Has(VerificationCode.ProofDomain, CheckStatus.Skipped), Codes(report));
    }

    [Fact]
    public async Task The_challenge_and_domain_apply_to_the_presentation_proof_not_to_the_credentials_inside()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var presentation = Present(holder, DataIntegrityCryptosuite.EddsaRdfc2022, Issue(issuer, DataIntegrityCryptosuite.EddsaRdfc2022));

        var report = await Verifier().VerifyAsync(presentation, Expecting());

        var nested = Assert.Single(report.Embedded).Report;
        Assert.True(nested.Verified, Codes(nested));
        Assert.Empty(nested.ChecksFor(VerificationCode.ProofChallenge));
    }

    [Fact]
    public async Task A_VC_1_1_presentation_of_a_VC_1_1_credential_verifies_and_reports_its_data_model()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        string[] contexts = ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"];
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray([.. contexts.Select(c => (JsonNode)c)]),
            ["id"] = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000b1",
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = DidKey.CreateDid(issuer.PublicKey),
            ["issuanceDate"] = "2026-01-10T09:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = DidKey.CreateDid(holder.PublicKey) },
        };
        var presentation = Unsigned(DidKey.CreateDid(holder.PublicKey), Node(VerificationFixtures.Sign(credential, issuer, DataIntegrityCryptosuite.EddsaRdfc2022)));
        presentation["@context"] = new JsonArray([.. contexts.Select(c => (JsonNode)c)]);
        using (var document = JsonDocument.Parse(Bytes(presentation)))
        {
            var validation = CredentialValidator.ValidateVerifiablePresentation(document.RootElement);
            Assert.True(validation.IsValid, string.Join(Environment.NewLine, validation.Problems));
        }

        var report = await Verifier().VerifyAsync(Sign(presentation, holder, DataIntegrityCryptosuite.EddsaRdfc2022), Expecting());

        Assert.True(report.Verified, Codes(report));
        Assert.Equal("1.1", report.Credential!.DataModel);
        Assert.Equal("1.1", Assert.Single(report.Embedded).Report.Credential!.DataModel);
    }

    [Fact]
    public async Task A_credential_that_also_calls_itself_a_presentation_cannot_make_its_holder_stand_in_for_the_issuer()
    {
        using var attacker = SigningKey.Generate(KeyType.Ed25519);
        var hybrid = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential", "VerifiablePresentation"),
            ["issuer"] = "did:example:university",
            ["holder"] = DidKey.CreateDid(attacker.PublicKey),
            ["credentialSubject"] = new JsonObject { ["id"] = DidKey.CreateDid(attacker.PublicKey), ["name"] = "Doctor of Medicine" },
        };
        var signed = Sign(hybrid, attacker, DataIntegrityCryptosuite.EddsaRdfc2022);

        var report = await Verifier().VerifyAsync(signed, Expecting());
        var proofs = await new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver())).VerifyAsync(
            signed, new DataIntegrityVerificationOptions { ExpectedProofPurpose = "authentication" });

        Assert.False(report.Verified, Codes(report));
        Assert.True(report.HasFailed(VerificationCode.ProofController), Codes(report));
        Assert.Contains(report.Errors, e => e.Path == "$.type" && e.Problem == ValidationCode.InvalidType);
        Assert.Contains(proofs.AllProblems, p => p.Code == DataIntegrityProblem.VerificationMethodNotAuthorized);
    }

    [Fact]
    public async Task The_report_json_marks_a_presentation_names_its_holder_and_nests_each_credential_report()
    {
        using var issuer = SigningKey.Generate(KeyType.Ed25519);
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var presentation = Present(holder, DataIntegrityCryptosuite.EddsaRdfc2022, Issue(issuer, DataIntegrityCryptosuite.EddsaRdfc2022));

        var report = await Verifier().VerifyAsync(presentation, Expecting());
        using var json = JsonDocument.Parse(report.ToJson());
        using var credentialJson = JsonDocument.Parse(report.Embedded[0].Report.ToJson());

        var summary = json.RootElement.GetProperty("credential");
        Assert.True(summary.GetProperty("presentation").GetBoolean());
        Assert.Equal(DidKey.CreateDid(holder.PublicKey), summary.GetProperty("holderId").GetString());
        var embedded = Assert.Single(json.RootElement.GetProperty("embedded").EnumerateArray());
        Assert.Equal("verifiableCredential", embedded.GetProperty("relation").GetString());
        Assert.True(embedded.GetProperty("report").GetProperty("verified").GetBoolean());
        Assert.False(credentialJson.RootElement.GetProperty("credential").TryGetProperty("presentation", out _));
    }

    [Fact]
    public async Task A_presented_jwt_credential_in_an_envelope_is_verified_as_its_own_report()
    {
        using var issuer = SigningKey.Generate(KeyType.P256);
        using var holder = SigningKey.Generate(KeyType.Ed25519);
        var jwt = IssueJwt(issuer, JwtProfile.VcJoseCredential);
        var envelope = new JsonObject
        {
            ["@context"] = "https://www.w3.org/ns/credentials/v2",
            ["id"] = "data:application/vc+jwt," + jwt,
            ["type"] = "EnvelopedVerifiableCredential",
        };
        var presentation = Sign(Unsigned(DidKey.CreateDid(holder.PublicKey), envelope), holder, DataIntegrityCryptosuite.EddsaRdfc2022);

        var report = await Verifier().VerifyAsync(presentation, Expecting());

        Assert.True(report.Verified, Codes(report));
        using var nested = JsonDocument.Parse(Assert.Single(report.Embedded).Report.ToJson());
        Assert.Equal("vc-jose", nested.RootElement.GetProperty("credential").GetProperty("format").GetString());
    }

    internal static CredentialVerifier Verifier() => new();

    internal static VerificationRequest Expecting() => At() with { ExpectedChallenge = Challenge, ExpectedDomain = Domain };

    internal static JsonObject Unsigned(string? holder, params JsonNode[] credentials)
    {
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
        };
        if (holder is not null)
        {
            presentation["holder"] = holder;
        }

        if (credentials.Length > 0)
        {
            presentation["verifiableCredential"] = new JsonArray(credentials);
        }

        return presentation;
    }

    /// <summary>A holder's own claim: a credential without a proof, issued by <paramref name="issuer"/>.</summary>
    internal static JsonObject Claim(string issuer) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["type"] = new JsonArray("VerifiableCredential"),
        ["issuer"] = issuer,
        ["credentialSubject"] = new JsonObject { ["id"] = issuer, ["name"] = "Ada Lovelace" },
    };

    internal static byte[] Sign(JsonObject presentation, SigningKey key, DataIntegrityCryptosuite suite, string purpose = "authentication")
    {
        var signed = new DataIntegritySigner(new FixedClock(IssuedAt)).Sign(
            Bytes(presentation),
            key,
            new DataIntegrityProofOptions { VerificationMethod = DidKey.VerificationMethodId(key.PublicKey), Cryptosuite = suite, ProofPurpose = purpose, Challenge = Challenge, Domain = Domain });
        Assert.True(signed.Succeeded, signed.ToString());
        return signed.SignedDocument!;
    }

    private static byte[] Present(SigningKey holder, DataIntegrityCryptosuite suite, params byte[][] credentials) =>
        PresentAs(holder, suite, credentials);

    private static byte[] PresentAs(SigningKey holder, DataIntegrityCryptosuite suite, byte[][] credentials, SigningKey? signer = null, string purpose = "authentication") =>
        Sign(Unsigned(DidKey.CreateDid(holder.PublicKey), [.. credentials.Select(Node)]), signer ?? holder, suite, purpose);

    private static JsonNode Node(byte[] json) => JsonNode.Parse(json)!;

    private static byte[] Bytes(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString());

    private static KeyType KeyTypeOf(Suite suite) => suite switch
    {
        Suite.EddsaRdfc or Suite.EddsaJcs => KeyType.Ed25519,
        Suite.EcdsaRdfcP384 or Suite.EcdsaJcsP384 => KeyType.P384,
        _ => KeyType.P256,
    };

    private static DataIntegrityCryptosuite SuiteOf(Suite suite) => suite switch
    {
        Suite.EddsaRdfc => DataIntegrityCryptosuite.EddsaRdfc2022,
        Suite.EddsaJcs => DataIntegrityCryptosuite.EddsaJcs2022,
        Suite.EcdsaRdfcP256 or Suite.EcdsaRdfcP384 => DataIntegrityCryptosuite.EcdsaRdfc2019,
        _ => DataIntegrityCryptosuite.EcdsaJcs2019,
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
