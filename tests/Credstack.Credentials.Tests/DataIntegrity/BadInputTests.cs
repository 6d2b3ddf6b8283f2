using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Keys;
using SimpleBase;
using static Credstack.Credentials.Tests.DataIntegrity.DataIntegrityFixtures;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>Bad input gives a report (or signing result) with a precise problem code, never an exception.</summary>
public sealed class BadInputTests
{
    private static byte[] Signed => ReadBytes("vc-di-eddsa", "TestVectors", "eddsa-rdfc-2022", "signedDataInt.json");

    [ConformanceTheory("vc-di-eddsa")]
    [InlineData("42", DataIntegrityProblem.ProofMalformed)]
    [InlineData("\"z2YwC8\"", DataIntegrityProblem.ProofMalformed)]
    [InlineData("[\"not an object\"]", DataIntegrityProblem.ProofMalformed)]
    [InlineData("[]", DataIntegrityProblem.ProofMissing)]
    [InlineData("null", DataIntegrityProblem.ProofMissing)]
    [InlineData("{}", DataIntegrityProblem.ProofMalformed)]
    public async Task Verify_reports_a_proof_member_that_is_not_a_proof(string proofJson, string code)
    {
        var document = Edit(Signed, root => root["proof"] = JsonNode.Parse(proofJson));

        var report = await DidVerifier().VerifyAsync(document, VectorOptions);

        Assert.False(report.Succeeded);
        Assert.Contains(code, report.AllProblems.Select(p => p.Code));
    }

    [ConformanceTheory("vc-di-eddsa")]
    [InlineData("uAAECAw")]
    [InlineData("z0OIl")]
    [InlineData("z")]
    [InlineData("")]
    public async Task Verify_reports_a_proofValue_that_is_not_multibase_base58btc(string proofValue)
    {
        var document = Edit(Signed, root => root["proof"]!["proofValue"] = proofValue);

        var report = await DidVerifier().VerifyAsync(document, VectorOptions);

        Assert.Equal([DataIntegrityProblem.ProofMalformed], report.AllProblems.Select(p => p.Code));
    }

    [ConformanceFact("vc-di-eddsa")]
    public async Task Verify_reports_a_truncated_proofValue_as_a_bad_signature()
    {
        var document = Edit(Signed, root => root["proof"]!["proofValue"] = root["proof"]!["proofValue"]!.GetValue<string>()[..40]);

        var report = await DidVerifier().VerifyAsync(document, VectorOptions);

        Assert.Equal([DataIntegrityProblem.SignatureInvalid], report.AllProblems.Select(p => p.Code));
    }

    [ConformanceTheory("vc-di-eddsa")]
    [InlineData("created", "2023-02-24T23:36:39Z", DataIntegrityProblem.SignatureInvalid)]
    [InlineData("created", "yesterday", DataIntegrityProblem.ProofMalformed)]
    [InlineData("created", "2023-02-24T23:36:38", DataIntegrityProblem.ProofMalformed)]
    [InlineData("type", "Ed25519Signature2018", DataIntegrityProblem.ProofTypeUnsupported)]
    [InlineData("cryptosuite", "bbs-2023", DataIntegrityProblem.CryptosuiteUnsupported)]
    [InlineData("cryptosuite", "eddsa-rdfc-2099", DataIntegrityProblem.CryptosuiteUnsupported)]
    [InlineData("verificationMethod", "did:example:unknown#key-1", DataIntegrityProblem.VerificationMethodUnresolved)]
    [InlineData("verificationMethod", "did:key:zNotAKey#zNotAKey", DataIntegrityProblem.VerificationMethodUnresolved)]
    [InlineData("proofPurpose", "capabilityInvocation", DataIntegrityProblem.ProofPurposeMismatch)]
    public async Task Verify_reports_a_changed_proof_member_with_its_code(string member, string value, string code)
    {
        var document = Edit(Signed, root => root["proof"]![member] = value);

        var report = await DidVerifier().VerifyAsync(document, VectorOptions);

        Assert.False(report.Succeeded);
        Assert.Equal(code, report.AllProblems.First().Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"a string\"")]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"unterminated\":")]
    public async Task Verify_reports_a_document_that_is_not_a_JSON_object(string text)
    {
        var report = await DidVerifier().VerifyAsync(Encoding.UTF8.GetBytes(text));

        Assert.False(report.Succeeded);
        Assert.Equal([DataIntegrityProblem.DocumentMalformed], report.AllProblems.Select(p => p.Code));
    }

    [Fact]
    public async Task Verify_reports_a_document_nested_too_deeply_without_crashing()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        var report = await DidVerifier().VerifyAsync(Encoding.UTF8.GetBytes("{\"a\":" + text + "}"));

        Assert.Equal([DataIntegrityProblem.DocumentMalformed], report.AllProblems.Select(p => p.Code));
    }

    [Fact]
    public async Task Verify_reports_a_document_without_proof()
    {
        var report = await DidVerifier().VerifyAsync("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"]}"u8.ToArray());

        Assert.Equal([DataIntegrityProblem.ProofMissing], report.AllProblems.Select(p => p.Code));
    }

    [Theory]
    [InlineData("not json", DataIntegrityProblem.DocumentMalformed)]
    [InlineData("[]", DataIntegrityProblem.DocumentMalformed)]
    [InlineData("{\"proof\":7}", DataIntegrityProblem.ProofMalformed)]
    [InlineData("{\"@context\":\"https://example.com/not-pinned\",\"name\":\"x\"}", DataIntegrityProblem.CanonicalizationFailed)]
    [InlineData("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"@hidden\":\"x\"}", DataIntegrityProblem.CanonicalizationFailed)]
    public void Sign_reports_a_document_it_cannot_sign(string text, string code)
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);

        var result = Signer().Sign(Encoding.UTF8.GetBytes(text), key, new DataIntegrityProofOptions { VerificationMethod = "did:example:1#k" });

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Problem);
    }

    [Theory]
    [InlineData(DataIntegrityCryptosuite.EddsaRdfc2022, KeyType.P256)]
    [InlineData(DataIntegrityCryptosuite.EcdsaJcs2019, KeyType.Ed25519)]
    [InlineData(DataIntegrityCryptosuite.EcdsaRdfc2019, KeyType.Rsa)]
    public void Sign_reports_a_key_of_the_wrong_type_for_the_cryptosuite(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var key = SigningKey.Generate(keyType);

        var result = Signer().Sign("{}"u8.ToArray(), key, new DataIntegrityProofOptions { VerificationMethod = "did:example:1#k", Cryptosuite = suite });

        Assert.Equal(DataIntegrityProblem.KeyTypeMismatch, result.Problem);
    }

    [ConformanceFact("vc-di-eddsa")]
    public void Sign_reports_a_previous_proof_that_is_not_on_the_document()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);

        var result = Signer().Sign(Signed, key, new DataIntegrityProofOptions { VerificationMethod = "did:example:1#k", PreviousProof = ["urn:uuid:nowhere"] });

        Assert.Equal(DataIntegrityProblem.PreviousProofMissing, result.Problem);
    }

    [ConformanceFact("vc-di-eddsa")]
    public async Task Verify_accepts_the_old_eddsa_2022_name_with_a_deprecation_warning()
    {
        // Made by hand: Credstack never signs with the old name. Same algorithm as eddsa-rdfc-2022.
        using var key = KeyPair("vc-di-eddsa", "TestVectors", "keyPair.json");
        var root = JsonNode.Parse(ReadBytes("vc-di-eddsa", "TestVectors", "unsigned.json"))!.AsObject();
        var methodId = "did:key:" + key.PublicKey.ExportPublicKeyMultibase() + "#" + key.PublicKey.ExportPublicKeyMultibase();
        var config = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-2022",
            ["created"] = "2023-02-24T23:36:38Z",
            ["verificationMethod"] = methodId,
            ["proofPurpose"] = "assertionMethod",
        };
        var withContext = (JsonObject)config.DeepClone();
        withContext["@context"] = root["@context"]!.DeepClone();
        var hashes = ProofHasher.Compute(Encoding.UTF8.GetBytes(root.ToJsonString()), withContext, rdfc: true, HashAlgorithmName.SHA256, TestJsonLd);
        config["proofValue"] = "z" + Base58.Bitcoin.Encode(key.Sign(hashes.HashData.Span));
        root["proof"] = config;

        var report = await DidVerifier().VerifyAsync(Encoding.UTF8.GetBytes(root.ToJsonString()), VectorOptions);

        Assert.True(report.Succeeded, report.ToString());
        var warning = Assert.Single(report.AllProblems);
        Assert.Equal(DataIntegrityProblem.CryptosuiteDeprecated, warning.Code);
        Assert.True(warning.IsWarning);
    }

    [ConformanceFact("vc-di-eddsa")]
    public async Task Verify_reports_a_changed_literal_under_the_legacy_Ed25519Signature2020_suite()
    {
        var document = Edit(
            ReadBytes("vc-di-eddsa", "TestVectors", "Ed25519Signature2020", "signedEdSig.json"),
            root => root["name"] = "Forged Credential");

        var report = await DidVerifier().VerifyAsync(document, VectorOptions);

        Assert.Equal([DataIntegrityProblem.SignatureInvalid], report.AllProblems.Select(p => p.Code));
    }

    [Fact]
    public async Task Sign_writes_an_array_when_asked_and_appends_to_an_existing_proof_set()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var did = "did:key:" + key.PublicKey.ExportPublicKeyMultibase();
        var document = Encoding.UTF8.GetBytes($$"""{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"{{did}}","credentialSubject":{"id":"did:example:1"} }""");
        var options = new DataIntegrityProofOptions { VerificationMethod = did + "#" + key.PublicKey.ExportPublicKeyMultibase(), ProofForm = ProofForm.Array };

        var first = Signer().Sign(document, key, options);
        var second = Signer().Sign(first.SignedDocument!, key, options with { Cryptosuite = DataIntegrityCryptosuite.EddsaJcs2022 });

        Assert.IsType<JsonArray>(JsonNode.Parse(first.SignedDocument!)!["proof"]);
        Assert.Equal(2, JsonNode.Parse(second.SignedDocument!)!["proof"]!.AsArray().Count);
        var report = await DidVerifier().VerifyAsync(second.SignedDocument!);
        Assert.True(report.Succeeded, report.ToString());
        Assert.Equal(2, report.Proofs.Count);
    }
}
