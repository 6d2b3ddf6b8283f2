using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using static Credstack.Credentials.Tests.DataIntegrity.DataIntegrityFixtures;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>
/// The W3C vc-di-ecdsa vectors (manifest.json): canonical forms and hashes byte for byte; ECDSA is randomized, so the
/// published signature is verified and our own signature is checked to verify.
/// </summary>
public sealed class EcdsaVectorTests
{
    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        if (Conformance.Has("vc-di-ecdsa", "manifest.json"))
        {
            foreach (var entry in Manifest().EnumerateArray())
            {
                data.Add(entry.GetProperty("id").GetString()!);
            }
        }
        else
        {
            data.Add("(conformance missing)");
        }

        return data;
    }

    [ConformanceTheory("vc-di-ecdsa", "manifest.json")]
    [MemberData(nameof(Entries))]
    public async Task Sign_reproduces_the_canonical_forms_and_hashes_and_its_signature_verifies(string id)
    {
        var entry = Manifest().EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        string File(string role) => entry.GetProperty(role).GetString()!;
        using var key = KeyPair("vc-di-ecdsa", "TestVectors", File("keyPair"));
        var config = JsonDocument.Parse(Read("vc-di-ecdsa", "TestVectors", File("proofConfig"))).RootElement;

        var signed = Signer().Sign(ReadBytes("vc-di-ecdsa", "TestVectors", File("unsignedDocument")), key, OptionsFrom(config));

        Assert.True(signed.Succeeded, signed.ToString());
        Assert.Equal(Read("vc-di-ecdsa", "TestVectors", File("canonicalDocument")), Text(signed.Hashes.CanonicalDocument));
        Assert.Equal(Read("vc-di-ecdsa", "TestVectors", File("canonicalProofConfig")), Text(signed.Hashes.CanonicalProofConfiguration));
        var half = signed.Hashes.HashData.Length;
        var hashData = Hex(signed.Hashes.HashData.Span);
        Assert.Equal(Read("vc-di-ecdsa", "TestVectors", File("proofConfigHashHex")).Trim(), hashData[..half]);
        Assert.Equal(Read("vc-di-ecdsa", "TestVectors", File("documentHashHex")).Trim(), hashData[half..]);
        Assert.Equal(Read("vc-di-ecdsa", "TestVectors", File("hashDataHex (proofConfigHash || documentHash)")).Trim(), hashData);

        // Everything but the (randomized) proofValue equals the published signed document.
        var expected = JsonNode.Parse(Read("vc-di-ecdsa", "TestVectors", File("signedDocument")))!.AsObject();
        var ours = JsonNode.Parse(signed.SignedDocument)!.AsObject();
        expected["proof"]!.AsObject().Remove("proofValue");
        ours["proof"]!.AsObject().Remove("proofValue");
        Assert.True(JsonNode.DeepEquals(expected, ours), "The signed document differs from the vector's beyond proofValue.");

        var report = await DidVerifier().VerifyAsync(signed.SignedDocument, VectorOptions);
        Assert.True(report.Succeeded, report.ToString());
    }

    [ConformanceTheory("vc-di-ecdsa", "manifest.json")]
    [MemberData(nameof(Entries))]
    public async Task Verify_accepts_the_published_signed_document(string id)
    {
        var entry = Manifest().EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

        var report = await DidVerifier().VerifyAsync(
            ReadBytes(["vc-di-ecdsa", "TestVectors", .. entry.GetProperty("signedDocument").GetString()!.Split('/')]), VectorOptions);

        Assert.True(report.Succeeded, report.ToString());
        Assert.Equal(
            Read(["vc-di-ecdsa", "TestVectors", .. entry.GetProperty("proofValue (multibase base58btc of signature)").GetString()!.Split('/')]).Trim(),
            JsonNode.Parse(ReadBytes(["vc-di-ecdsa", "TestVectors", .. entry.GetProperty("signedDocument").GetString()!.Split('/')]))!["proof"]!["proofValue"]!.GetValue<string>());
    }

    [ConformanceTheory("vc-di-ecdsa", "manifest.json")]
    [InlineData("employ")]
    [InlineData("prc")]
    public async Task Verify_reports_ecdsa_sd_2023_as_an_unsupported_cryptosuite(string folder)
    {
        // Selective disclosure (base and derived proofs) is not implemented: OB 3.0 does not use it.
        var report = await DidVerifier().VerifyAsync(ReadBytes("vc-di-ecdsa", "TestVectors", "ecdsa-sd-2023", folder, "addSignedSDBase.json"), VectorOptions);

        Assert.False(report.Succeeded);
        Assert.Equal([DataIntegrityProblem.CryptosuiteUnsupported], report.AllProblems.Select(p => p.Code));
    }

    private static JsonElement Manifest() => JsonDocument.Parse(Read("vc-di-ecdsa", "manifest.json")).RootElement.GetProperty("entries");
}
