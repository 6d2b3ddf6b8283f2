using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Status;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>
/// The tamper matrix at the verifier level: every cryptosuite and both JWT formats, each tampering, each rejected with the
/// check that names it. An untampered copy of each credential verifies (so every row can fail).
/// </summary>
public sealed class TamperMatrixTests
{
    private const string ListUrl = "https://example.edu/status/1";
    private const int Index = 7;

    public enum Format
    {
        EddsaRdfc,
        EddsaJcs,
        EcdsaRdfcP256,
        EcdsaRdfcP384,
        EcdsaJcsP256,
        EcdsaJcsP384,
        OpenBadgesJwt,
        VcJoseJwt,
    }

    public enum Tampering
    {
        FlipSignatureByte,
        ChangeSignedValue,
        SwapVerificationMethod,
        ReplaceContextUrl,
        DropProof,
        ReorderContexts,
        Expire,
        Revoke,
        Suspend,
        SignWithKeyTheIssuerDoesNotControl,
    }

    public static TheoryData<Format, Tampering, string> Matrix()
    {
        var data = new TheoryData<Format, Tampering, string>();
        foreach (var format in Enum.GetValues<Format>())
        {
            var jwt = format is Format.OpenBadgesJwt or Format.VcJoseJwt;
            data.Add(format, Tampering.FlipSignatureByte, VerificationCode.ProofSignature);
            data.Add(format, Tampering.ChangeSignedValue, VerificationCode.ProofSignature);
            data.Add(format, Tampering.SwapVerificationMethod, VerificationCode.ProofController);
            data.Add(format, Tampering.ReplaceContextUrl, VerificationCode.StructureJsonLd);
            data.Add(format, Tampering.DropProof, jwt ? VerificationCode.StructureJwt : VerificationCode.ProofPresent);
            data.Add(format, Tampering.ReorderContexts, VerificationCode.StructureSchema);
            data.Add(format, Tampering.Expire, VerificationCode.ValidityExpired);
            data.Add(format, Tampering.Revoke, VerificationCode.StatusRevoked);
            data.Add(format, Tampering.Suspend, VerificationCode.StatusSuspended);
            data.Add(format, Tampering.SignWithKeyTheIssuerDoesNotControl, VerificationCode.ProofController);
        }

        return data;
    }

    public static TheoryData<Format> Formats() => [.. Enum.GetValues<Format>()];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_untampered_credential_verifies_with_its_status_checked(Format format)
    {
        using var key = SigningKey.Generate(KeyTypeOf(format));
        var (credential, verifier) = Issue(format, key, key, StatusPurpose.Revocation, setBit: false, validUntil: null);

        var report = await verifier.VerifyAsync(credential, At());

        Assert.True(report.Verified, Codes(report));
        Assert.True(report.Has(VerificationCode.StatusRevoked, CheckStatus.Passed), Codes(report));
        Assert.Equal("valid", report.Credential!.Status);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_tampered_credential_is_not_verified_and_the_failed_check_names_the_tampering(Format format, Tampering tampering, string code)
    {
        using var key = SigningKey.Generate(KeyTypeOf(format));
        using var other = SigningKey.Generate(KeyTypeOf(format));
        var purpose = tampering == Tampering.Suspend ? StatusPurpose.Suspension : StatusPurpose.Revocation;
        var (credential, verifier) = Issue(
            format,
            key,
            tampering == Tampering.SignWithKeyTheIssuerDoesNotControl ? other : key,
            purpose,
            setBit: tampering is Tampering.Revoke or Tampering.Suspend,
            validUntil: tampering == Tampering.Expire ? "2026-03-01T00:00:00Z" : null);

        var tampered = tampering switch
        {
            Tampering.FlipSignatureByte => FlipSignatureByte(credential, format),
            Tampering.ChangeSignedValue => EditCredential(credential, format, c => c["name"] = "Data Analysis with Pythons"),
            Tampering.SwapVerificationMethod => SwapVerificationMethod(credential, format, DidKey.VerificationMethodId(other.PublicKey)),
            Tampering.ReplaceContextUrl => EditCredential(credential, format, c => c["@context"]![1] = "https://attacker.example/context.json"),
            Tampering.DropProof => DropProof(credential, format),
            Tampering.ReorderContexts => EditCredential(credential, format, c => c["@context"] = new JsonArray("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://www.w3.org/ns/credentials/v2")),
            _ => credential,
        };

        var report = await verifier.VerifyAsync(tampered, At());

        Assert.False(report.Verified, Codes(report));
        Assert.True(report.HasFailed(code), $"{code} did not fail:{Environment.NewLine}{Codes(report)}");
    }

    private static KeyType KeyTypeOf(Format format) => format switch
    {
        Format.EddsaRdfc or Format.EddsaJcs or Format.VcJoseJwt => KeyType.Ed25519,
        Format.EcdsaRdfcP384 or Format.EcdsaJcsP384 => KeyType.P384,
        _ => KeyType.P256,
    };

    private static DataIntegrityCryptosuite SuiteOf(Format format) => format switch
    {
        Format.EddsaRdfc => DataIntegrityCryptosuite.EddsaRdfc2022,
        Format.EddsaJcs => DataIntegrityCryptosuite.EddsaJcs2022,
        Format.EcdsaRdfcP256 or Format.EcdsaRdfcP384 => DataIntegrityCryptosuite.EcdsaRdfc2019,
        _ => DataIntegrityCryptosuite.EcdsaJcs2019,
    };

    /// <summary>A credential issued by <paramref name="issuer"/>'s did:key, signed by <paramref name="signer"/>, with a status entry served through a DocumentMap.</summary>
    private static (byte[] Credential, CredentialVerifier Verifier) Issue(
        Format format, SigningKey issuer, SigningKey signer, StatusPurpose purpose, bool setBit, string? validUntil)
    {
        var issuerDid = DidKey.CreateDid(issuer.PublicKey);
        var purposeName = purpose == StatusPurpose.Suspension ? "suspension" : "revocation";
        var status = new JsonObject
        {
            ["id"] = $"{ListUrl}#{Index}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = purposeName,
            ["statusListIndex"] = Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusListCredential"] = ListUrl,
        };
        var unsigned = Unsigned(issuerDid, validUntil, status);

        var list = new StatusList();
        if (setBit)
        {
            list.Set(Index);
        }

        var listCredential = new BitstringStatusListCredentialBuilder(new FixedTime(IssuedAt)).Build(new Uri(ListUrl), issuerDid, purpose, list);
        var signedList = Sign(listCredential, issuer, issuer.KeyType == KeyType.Ed25519 ? DataIntegrityCryptosuite.EddsaRdfc2022 : DataIntegrityCryptosuite.EcdsaRdfc2019);
        var verifier = new CredentialVerifier(new CredentialVerifierOptions
        {
            Documents = new DocumentMap(new Dictionary<string, ReadOnlyMemory<byte>> { [ListUrl] = signedList }),
        });

        var method = DidKey.VerificationMethodId(signer.PublicKey);
        byte[] credential;
        if (format is Format.OpenBadgesJwt or Format.VcJoseJwt)
        {
            var bytes = Encoding.UTF8.GetBytes(unsigned.ToJsonString());
            var result = format == Format.OpenBadgesJwt ? JwtCredentialSigner.SignOpenBadges(bytes, signer, method) : JwtCredentialSigner.SignCredential(bytes, signer, method);
            Assert.True(result.Succeeded, result.ToString());
            credential = Encoding.UTF8.GetBytes(result.Token!);
        }
        else
        {
            credential = Sign(unsigned, signer, SuiteOf(format), method);
        }

        return (credential, verifier);
    }

    private static bool IsJwt(Format format) => format is Format.OpenBadgesJwt or Format.VcJoseJwt;

    private static byte[] FlipSignatureByte(byte[] credential, Format format)
    {
        if (IsJwt(format))
        {
            var parts = Encoding.UTF8.GetString(credential).Split('.');
            var signature = Base64Url.DecodeFromChars(parts[2]);
            signature[signature.Length / 2] ^= 0x01;
            return Encoding.UTF8.GetBytes(string.Join('.', parts[0], parts[1], Base64Url.EncodeToString(signature)));
        }

        return Edit(credential, root =>
        {
            var proof = root["proof"]!;
            var value = proof["proofValue"]!.GetValue<string>();
            var bytes = SimpleBase.Base58.Bitcoin.Decode(value.AsSpan(1));
            bytes[bytes.Length / 2] ^= 0x01;
            proof["proofValue"] = "z" + SimpleBase.Base58.Bitcoin.Encode(bytes);
        });
    }

    private static byte[] EditCredential(byte[] credential, Format format, Action<JsonObject> change)
    {
        if (!IsJwt(format))
        {
            return Edit(credential, change);
        }

        var parts = Encoding.UTF8.GetString(credential).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        change(payload["vc"] as JsonObject ?? payload);
        return Encoding.UTF8.GetBytes(string.Join('.', parts[0], Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())), parts[2]));
    }

    private static byte[] SwapVerificationMethod(byte[] credential, Format format, string method)
    {
        if (!IsJwt(format))
        {
            return Edit(credential, root => root["proof"]!["verificationMethod"] = method);
        }

        var parts = Encoding.UTF8.GetString(credential).Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        header["kid"] = method;
        return Encoding.UTF8.GetBytes(string.Join('.', Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())), parts[1], parts[2]));
    }

    private static byte[] DropProof(byte[] credential, Format format)
    {
        if (!IsJwt(format))
        {
            return Edit(credential, root => root.Remove("proof"));
        }

        var parts = Encoding.UTF8.GetString(credential).Split('.');
        return Encoding.UTF8.GetBytes(parts[0] + "." + parts[1]);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
