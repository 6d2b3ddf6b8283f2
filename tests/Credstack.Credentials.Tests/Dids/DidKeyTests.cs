using System.Text.Json;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Dids;

public sealed class DidKeyTests
{
    // The did:key Method v0.9 example DIDs (§5 "Test Vectors" / examples) for each supported key type.
    [Theory]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", KeyType.Ed25519)]
    [InlineData("did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH", KeyType.Ed25519)]
    [InlineData("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169", KeyType.P256)]
    [InlineData("did:key:z82Lm1MpAkeJcix9K8TMiLd5NMAhnwkjjCBeWHXyu3U4oT2MVJJKXkcVBgjGhnLBn2Kaau9", KeyType.P384)]
    public void The_spec_example_DIDs_resolve_to_a_Multikey_document(string did, KeyType keyType)
    {
        var result = DidKey.Resolve(did);

        Assert.True(result.Succeeded, result.Detail);
        var document = result.Document;
        var multibase = did["did:key:".Length..];
        var methodId = did + "#" + multibase;
        Assert.Equal(did, document.Id);
        Assert.Equal([DidDocument.DidContext, DidDocument.MultikeyContext], document.Context);
        var method = Assert.Single(document.VerificationMethod!);
        Assert.Equal(methodId, method.Id);
        Assert.Equal("Multikey", method.Type);
        Assert.Equal(did, method.Controller);
        Assert.Equal(multibase, method.PublicKeyMultibase);
        foreach (var relationship in new[] { VerificationRelationship.Authentication, VerificationRelationship.AssertionMethod, VerificationRelationship.CapabilityInvocation, VerificationRelationship.CapabilityDelegation })
        {
            Assert.Equal(methodId, Assert.Single(document.Relationship(relationship)).Id);
        }

        using var key = method.ToVerificationKey().Key!;
        Assert.Equal(keyType, key.KeyType);
    }

    [ConformanceTheory("vc-di-eddsa", "TestVectors")]
    [InlineData("vc-di-eddsa", "eddsa-rdfc-2022", "proofConfigDataInt.json")]
    [InlineData("vc-di-ecdsa", "ecdsa-rdfc-2019-p256", "proofConfigECDSAP256.json")]
    [InlineData("vc-di-ecdsa", "ecdsa-rdfc-2019-p384", "proofConfigECDSAP384.json")]
    public async Task The_conformance_verification_method_dereferences_to_the_key_that_verifies_the_published_signature(string suite, string folder, string config)
    {
        var vector = Conformance.PathOf(suite, "TestVectors", folder);
        var methodId = JsonDocument.Parse(File.ReadAllText(Path.Combine(vector, config))).RootElement.GetProperty("verificationMethod").GetString()!;
        var hashData = Convert.FromHexString(File.ReadAllText(Directory.GetFiles(vector, "combinedHash*.txt").Single()).Trim());
        var signature = Convert.FromHexString(File.ReadAllText(Directory.GetFiles(vector, "sigHex*.txt").Single()).Trim());
        var issuer = methodId[..methodId.IndexOf('#', StringComparison.Ordinal)];

        var checkedMethod = await new DidResolver().CheckVerificationMethodAsync(methodId, VerificationRelationship.AssertionMethod, issuer);

        Assert.True(checkedMethod.Succeeded, checkedMethod.Detail);
        using var key = checkedMethod.Method.ToVerificationKey().Key!;
        Assert.True(key.Verify(hashData, signature));
    }

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    [InlineData(KeyType.P384)]
    public void A_created_document_serializes_and_parses_back_to_the_resolved_one(KeyType keyType)
    {
        using var key = SigningKey.Generate(keyType);
        var did = DidKey.CreateDid(key.PublicKey);

        var created = DidKey.CreateDocument(key.PublicKey);
        var json = created.ToJson();
        var parsed = DidDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        var resolved = DidKey.Resolve(did);

        Assert.True(parsed.Succeeded, parsed.Detail);
        Assert.Equal(resolved.Document!.ToJson(), parsed.Document.ToJson());
        Assert.Equal(DidKey.VerificationMethodId(key.PublicKey), parsed.Document.VerificationMethod![0].Id);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(JsonValueKind.Array, root.GetProperty("@context").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("assertionMethod")[0].ValueKind);
        Assert.Equal("@context", root.EnumerateObject().First().Name);
    }

    [Theory]
    [InlineData(null, DidProblem.InvalidDid)]
    [InlineData("", DidProblem.InvalidDid)]
    [InlineData("did:key:", DidProblem.InvalidDid)]
    [InlineData("did:key:abc", DidProblem.InvalidDid)]
    [InlineData("did:key:1:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", DidProblem.InvalidDid)]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6Mk", DidProblem.InvalidDid)]
    [InlineData("did:web:example.com", DidProblem.UnsupportedDidMethod)]
    [InlineData("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0", DidProblem.InvalidPublicKey)]
    [InlineData("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F", DidProblem.InvalidPublicKey)]
    [InlineData("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", DidProblem.InvalidPublicKey)]
    public void Bad_did_key_values_give_a_problem_code(string? did, string problem)
    {
        var result = DidKey.Resolve(did);

        Assert.False(result.Succeeded);
        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public void A_did_key_with_an_off_curve_P256_point_is_an_invalid_public_key()
    {
        var bytes = new byte[35];
        bytes[0] = 0x80;
        bytes[1] = 0x24;
        bytes[2] = 0x02;
        bytes[^1] = 1;

        var result = DidKey.Resolve("did:key:z" + SimpleBase.Base58.Bitcoin.Encode(bytes));

        Assert.Equal(DidProblem.InvalidPublicKey, result.Problem);
        Assert.Contains(KeyProblem.InvalidPoint, result.Detail, StringComparison.Ordinal);
    }
}
