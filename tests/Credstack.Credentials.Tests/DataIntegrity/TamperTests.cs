using System.Text;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using SimpleBase;
using static Credstack.Credentials.Tests.DataIntegrity.DataIntegrityFixtures;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>
/// For every signing suite: a credential issued by a did:key with that key verifies, and each kind of tampering is
/// rejected with its own problem code.
/// </summary>
public sealed class TamperTests
{
    private const string Unsigned = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
         "id":"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33","type":["VerifiableCredential","AlumniCredential"],
         "name":"Alumni Credential","issuer":"ISSUER","validFrom":"2023-01-01T00:00:00Z",
         "credentialSubject":{"id":"did:example:abcdefgh","alumniOf":"The School of Examples"}}
        """;

    public static TheoryData<DataIntegrityCryptosuite, KeyType> Suites() => new()
    {
        { DataIntegrityCryptosuite.EddsaRdfc2022, KeyType.Ed25519 },
        { DataIntegrityCryptosuite.EddsaJcs2022, KeyType.Ed25519 },
        { DataIntegrityCryptosuite.EcdsaRdfc2019, KeyType.P256 },
        { DataIntegrityCryptosuite.EcdsaRdfc2019, KeyType.P384 },
        { DataIntegrityCryptosuite.EcdsaJcs2019, KeyType.P256 },
        { DataIntegrityCryptosuite.EcdsaJcs2019, KeyType.P384 },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_accepts_an_untouched_credential(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);

        var report = await Verify(issuer.Sign(suite));

        Assert.True(report.Succeeded, report.ToString());
        Assert.Equal(issuer.Did, report.Proofs.Single().Controller);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_a_bad_signature_when_one_byte_of_the_signature_changes(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        var tampered = Edit(issuer.Sign(suite), root =>
        {
            var proof = root["proof"]!.AsObject();
            var signature = Base58.Bitcoin.Decode(proof["proofValue"]!.GetValue<string>().AsSpan(1)).ToArray();
            signature[10] ^= 0x01;
            proof["proofValue"] = "z" + Base58.Bitcoin.Encode(signature);
        });

        await AssertOnly(tampered, DataIntegrityProblem.SignatureInvalid);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_a_bad_signature_when_a_signed_value_changes(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        var tampered = Edit(issuer.Sign(suite), root => root["credentialSubject"]!["alumniOf"] = "The School of Forgery");

        await AssertOnly(tampered, DataIntegrityProblem.SignatureInvalid);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_a_bad_signature_when_the_verification_method_is_swapped_for_another_key_of_the_issuer(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        using var other = SigningKey.Generate(keyType);
        var resolver = new StaticVerificationMethodResolver()
            .Add(issuer.MethodId, issuer.Key.PublicKey, issuer.Did)
            .Add(issuer.Did + "#key-2", other.PublicKey, issuer.Did);
        var tampered = Edit(issuer.Sign(suite), root => root["proof"]!["verificationMethod"] = issuer.Did + "#key-2");

        var report = await new DataIntegrityVerifier(resolver, Clock, TestJsonLd).VerifyAsync(tampered);

        Assert.Equal([DataIntegrityProblem.SignatureInvalid], report.AllProblems.Select(p => p.Code));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_rejects_a_credential_whose_context_url_was_replaced(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        var tampered = Edit(issuer.Sign(suite), root => root["@context"]![1] = "https://example.com/contexts/evil/v1");

        // RDFC suites cannot load the unknown context; JCS suites see that the @context is not the one signed.
        var expected = suite is DataIntegrityCryptosuite.EddsaRdfc2022 or DataIntegrityCryptosuite.EcdsaRdfc2019
            ? DataIntegrityProblem.CanonicalizationFailed
            : DataIntegrityProblem.SignatureInvalid;
        await AssertOnly(tampered, expected);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_a_missing_proof_when_the_proof_is_dropped(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        var tampered = Edit(issuer.Sign(suite), root => root.Remove("proof"));

        await AssertOnly(tampered, DataIntegrityProblem.ProofMissing);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_an_expired_proof(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);

        await AssertOnly(issuer.Sign(suite, o => o with { Created = Now.AddDays(-30), Expires = Now.AddDays(-1) }), DataIntegrityProblem.ProofExpired);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_an_unauthorized_method_when_signed_with_a_key_the_issuer_does_not_control(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        using var stranger = new Issuer(keyType);
        var signed = stranger.Sign(suite, document: issuer.Document);

        await AssertOnly(signed, DataIntegrityProblem.VerificationMethodNotAuthorized);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_a_proof_created_in_the_future(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);

        await AssertOnly(issuer.Sign(suite, o => o with { Created = Now.AddHours(1) }), DataIntegrityProblem.CreatedInFuture);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_a_proof_purpose_other_than_the_expected_one(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);

        // did:key lists its key under authentication too, so only the purpose is wrong.
        await AssertOnly(issuer.Sign(suite, o => o with { ProofPurpose = "authentication" }), DataIntegrityProblem.ProofPurposeMismatch);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_checks_domain_and_challenge(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        var signed = issuer.Sign(suite, o => o with { Domain = "example.org", Challenge = "abc123" });

        Assert.True((await Verify(signed, new() { ExpectedDomain = "example.org", ExpectedChallenge = "abc123" })).Succeeded);
        var wrong = await Verify(signed, new() { ExpectedDomain = "example.com", ExpectedChallenge = "xyz" });
        Assert.Equal([DataIntegrityProblem.DomainMismatch, DataIntegrityProblem.ChallengeMismatch], wrong.AllProblems.Select(p => p.Code));
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task Verify_reports_a_key_of_the_wrong_type_for_the_cryptosuite(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        using var wrongType = SigningKey.Generate(keyType == KeyType.Ed25519 ? KeyType.P256 : KeyType.Ed25519);
        var resolver = new StaticVerificationMethodResolver().Add(issuer.MethodId, wrongType.PublicKey, issuer.Did);

        var report = await new DataIntegrityVerifier(resolver, Clock, TestJsonLd).VerifyAsync(issuer.Sign(suite));

        Assert.Equal([DataIntegrityProblem.KeyTypeMismatch], report.AllProblems.Select(p => p.Code));
    }

    [Theory]
    [InlineData(DataIntegrityCryptosuite.EddsaRdfc2022, KeyType.Ed25519)]
    [InlineData(DataIntegrityCryptosuite.EcdsaRdfc2019, KeyType.P256)]
    public async Task Verify_reports_a_member_that_JSON_LD_would_drop_as_a_canonicalization_failure(DataIntegrityCryptosuite suite, KeyType keyType)
    {
        using var issuer = new Issuer(keyType);
        var tampered = Edit(issuer.Sign(suite), root => root["credentialSubject"]!["@hidden"] = "dropped by JSON-LD expansion");

        var report = await Verify(tampered);

        Assert.Equal([DataIntegrityProblem.CanonicalizationFailed], report.AllProblems.Select(p => p.Code));
        Assert.StartsWith("safe mode: dropped term", report.AllProblems.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_key_not_listed_for_assertion_in_the_controller_document()
    {
        using var issuer = new Issuer(KeyType.Ed25519);
        var resolver = new StaticVerificationMethodResolver().Add(issuer.MethodId, issuer.Key.PublicKey, issuer.Did, VerificationRelationship.Authentication);

        var report = await new DataIntegrityVerifier(resolver, Clock, TestJsonLd).VerifyAsync(issuer.Sign(DataIntegrityCryptosuite.EddsaRdfc2022));

        Assert.Equal([DataIntegrityProblem.VerificationMethodNotAuthorized], report.AllProblems.Select(p => p.Code));
    }

    private static Task<DataIntegrityVerificationReport> Verify(byte[] document, DataIntegrityVerificationOptions? options = null) =>
        DidVerifier().VerifyAsync(document, options);

    private static async Task AssertOnly(byte[] document, string code)
    {
        var report = await Verify(document);
        Assert.False(report.Succeeded);
        Assert.Equal([code], report.AllProblems.Select(p => p.Code));
    }

    /// <summary>An issuer whose id is the did:key of its key.</summary>
    private sealed class Issuer : IDisposable
    {
        public Issuer(KeyType keyType)
        {
            Key = SigningKey.Generate(keyType);
            var multibase = Key.PublicKey.ExportPublicKeyMultibase();
            Did = "did:key:" + multibase;
            MethodId = Did + "#" + multibase;
            Document = Encoding.UTF8.GetBytes(Unsigned.Replace("ISSUER", Did, StringComparison.Ordinal));
        }

        public SigningKey Key { get; }

        public string Did { get; }

        public string MethodId { get; }

        public byte[] Document { get; }

        public byte[] Sign(DataIntegrityCryptosuite suite, Func<DataIntegrityProofOptions, DataIntegrityProofOptions>? change = null, byte[]? document = null)
        {
            var options = new DataIntegrityProofOptions { VerificationMethod = MethodId, Cryptosuite = suite };
            var signed = Signer().Sign(document ?? Document, Key, change is null ? options : change(options));
            Assert.True(signed.Succeeded, signed.ToString());
            return signed.SignedDocument;
        }

        public void Dispose() => Key.Dispose();
    }
}
