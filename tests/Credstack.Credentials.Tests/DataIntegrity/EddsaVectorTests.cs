using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using static Credstack.Credentials.Tests.DataIntegrity.DataIntegrityFixtures;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>Every step of every W3C vc-di-eddsa test vector (manifest.json), reproduced byte for byte.</summary>
public sealed class EddsaVectorTests
{
    public static TheoryData<string> SigningEntries()
    {
        var data = new TheoryData<string>();
        if (Conformance.Has("vc-di-eddsa", "manifest.json"))
        {
            foreach (var entry in Manifest().EnumerateArray())
            {
                if (entry.GetProperty("cryptosuite").GetString()!.StartsWith("eddsa-", StringComparison.Ordinal))
                {
                    data.Add(entry.GetProperty("id").GetString()!);
                }
            }
        }
        else
        {
            data.Add("(conformance missing)");
        }

        return data;
    }

    [ConformanceTheory("vc-di-eddsa", "manifest.json")]
    [MemberData(nameof(SigningEntries))]
    public void Sign_reproduces_every_step_of_the_vector(string id)
    {
        var entry = Entry(id);
        string File(string role) => entry.GetProperty(role).GetString()!;
        using var key = KeyPair("vc-di-eddsa", "TestVectors", File("keyPair"));
        var config = JsonDocument.Parse(Read("vc-di-eddsa", "TestVectors", File("proofConfig"))).RootElement;

        var signed = Signer().Sign(ReadBytes("vc-di-eddsa", "TestVectors", File("unsignedDocument")), key, OptionsFrom(config));

        Assert.True(signed.Succeeded, signed.ToString());
        Assert.Equal(Read("vc-di-eddsa", "TestVectors", File("canonicalDocument")), Text(signed.Hashes.CanonicalDocument));
        Assert.Equal(Read("vc-di-eddsa", "TestVectors", File("canonicalProofConfig")), Text(signed.Hashes.CanonicalProofConfiguration));
        var hashData = Hex(signed.Hashes.HashData.Span);
        Assert.Equal(Read("vc-di-eddsa", "TestVectors", File("proofConfigHashHex")).Trim(), hashData[..64]);
        Assert.Equal(Read("vc-di-eddsa", "TestVectors", File("documentHashHex")).Trim(), hashData[64..]);
        Assert.Equal(Read("vc-di-eddsa", "TestVectors", File("hashDataHex (proofConfigHash || documentHash)")).Trim(), hashData);
        Assert.Equal(Read("vc-di-eddsa", "TestVectors", File("proofValue (multibase base58btc of signature)")).Trim(), signed.ProofValue);
        var expected = JsonNode.Parse(Read("vc-di-eddsa", "TestVectors", File("signedDocument")))!;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(signed.SignedDocument)), "The signed document differs from the vector's.");
    }

    [ConformanceTheory("vc-di-eddsa", "manifest.json")]
    [InlineData("eddsa-rdfc-2022/signedDataInt.json")]
    [InlineData("eddsa-rdfc-2022/employ/signedDataInt.json")]
    [InlineData("eddsa-jcs-2022/signedJCS.json")]
    [InlineData("Ed25519Signature2020/signedEdSig.json")]
    [InlineData("proof-set-chain/signedProofSet1.json")]
    [InlineData("proof-set-chain/signedProofSet2.json")]
    [InlineData("proof-set-chain/signedProofChain1.json")]
    [InlineData("proof-set-chain/signedProofChain2.json")]
    [InlineData("proof-set-chain/proofChainTempDoc1.json")]
    public async Task Verify_accepts_the_signed_vector(string file)
    {
        var report = await DidVerifier().VerifyAsync(ReadBytes(["vc-di-eddsa", "TestVectors", .. file.Split('/')]), VectorOptions);

        Assert.True(report.Succeeded, report.ToString());
        Assert.All(report.Proofs, p => Assert.Empty(p.Problems));
        Assert.All(report.Proofs, p => Assert.True(p.ControllerDocumentChecked));
    }

    [ConformanceFact("vc-di-eddsa", "manifest.json")]
    public async Task Verify_reports_a_chained_proof_whose_previous_proof_is_not_in_the_document()
    {
        // The vectors' intermediate document keeps only the proof being chained to, not the two proofs it chains to itself.
        var report = await DidVerifier().VerifyAsync(ReadBytes("vc-di-eddsa", "TestVectors", "proof-set-chain", "proofChainTempDoc2.json"), VectorOptions);

        Assert.False(report.Succeeded);
        Assert.Equal([DataIntegrityProblem.PreviousProofMissing], report.Proofs.Single().Problems.Select(p => p.Code));
    }

    [ConformanceFact("vc-di-eddsa", "manifest.json")]
    public async Task Verify_checks_each_proof_of_the_chain_with_the_proofs_it_names()
    {
        var report = await DidVerifier().VerifyAsync(ReadBytes("vc-di-eddsa", "TestVectors", "proof-set-chain", "signedProofChain2.json"), VectorOptions);

        Assert.Equal(4, report.Proofs.Count);
        Assert.True(report.Succeeded, report.ToString());
        Assert.Equal("urn:uuid:d94f792a-c546-4d06-b38a-da070ab56c23", report.Proofs[2].ProofId);
    }

    [ConformanceFact("vc-di-eddsa", "manifest.json")]
    public void Sign_builds_the_proof_set_and_chain_of_the_vectors()
    {
        var dir = new[] { "vc-di-eddsa", "TestVectors", "proof-set-chain" };
        var keys = JsonDocument.Parse(Read([.. dir, "multiKeyPairs.json"])).RootElement;
        Credstack.Credentials.Keys.SigningKey Key(string name) => Credstack.Credentials.Keys.Multikey.ImportKeyPair(
            keys.GetProperty(name).GetProperty("publicKeyMultibase").GetString(),
            keys.GetProperty(name).GetProperty("privateKeyMultibase").GetString()).Key!;
        DataIntegrityProofOptions Options(string file) => OptionsFrom(JsonDocument.Parse(Read([.. dir, file])).RootElement);

        var document = ReadBytes([.. dir, "unsigned.json"]);
        var steps = new[]
        {
            ("keyPair1", "proofSetConfig1.json", "signedProofSet1.json"),
            ("keyPair2", "proofSetConfig2.json", "signedProofSet2.json"),
            ("keyPair3", "proofChainConfig1.json", "signedProofChain1.json"),
            ("keyPair4", "proofChainConfig2.json", "signedProofChain2.json"),
        };
        foreach (var (keyName, configFile, expectedFile) in steps)
        {
            using var key = Key(keyName);
            var signed = Signer().Sign(document, key, Options(configFile));
            Assert.True(signed.Succeeded, signed.ToString());
            var expected = JsonNode.Parse(Read([.. dir, expectedFile]))!;
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(signed.SignedDocument)), $"{expectedFile} differs: {JsonNode.Parse(signed.SignedDocument)!["proof"]!.ToJsonString()}");
            document = signed.SignedDocument;
        }
    }

    internal static JsonElement Manifest() => JsonDocument.Parse(Read("vc-di-eddsa", "manifest.json")).RootElement.GetProperty("entries");

    private static JsonElement Entry(string id) => Manifest().EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
}
