using System.Security.Cryptography;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Keys;

public sealed class EcdsaTests
{
    [ConformanceTheory("vc-di-ecdsa", "TestVectors")]
    [InlineData("p256KeyPair.json", "ecdsa-rdfc-2019-p256")]
    [InlineData("p384KeyPair.json", "ecdsa-rdfc-2019-p384")]
    [InlineData("p256KeyPair.json", "ecdsa-jcs-2019-p256")]
    [InlineData("p384KeyPair.json", "ecdsa-jcs-2019-p384")]
    public void The_published_ecdsa_signature_verifies_over_the_hash_data(string keyFile, string folder)
    {
        var root = Conformance.PathOf("vc-di-ecdsa", "TestVectors");
        var pair = ConformanceKeys.Read(Path.Combine(root, keyFile));
        var vector = Path.Combine(root, folder);
        var hashFile = Directory.GetFiles(vector, "combinedHash*.txt").Single();
        var sigFile = Directory.GetFiles(vector, "sigHex*.txt").Single();
        var hashData = Convert.FromHexString(File.ReadAllText(hashFile).Trim());
        var signature = Convert.FromHexString(File.ReadAllText(sigFile).Trim());

        using var key = Multikey.ImportPublicKey(pair.Public).Key!;

        Assert.Equal(key.SignatureSize, signature.Length);
        Assert.True(key.Verify(hashData, signature));
        signature[5] ^= 0x10;
        Assert.False(key.Verify(hashData, signature));
    }

    [Theory]
    [InlineData(KeyType.P256, 64, "ES256")]
    [InlineData(KeyType.P384, 96, "ES384")]
    public void Signatures_are_fixed_length_IEEE_P1363_and_verify(KeyType keyType, int size, string alg)
    {
        using var key = EcdsaSigningKey.Generate(keyType);
        var data = RandomNumberGenerator.GetBytes(64);

        var signature = key.Sign(data);

        Assert.Equal(size, signature.Length);
        Assert.Equal(size, key.SignatureSize);
        Assert.Equal(alg, key.JoseAlgorithm);
        Assert.True(key.PublicKey.Verify(data, signature));
        Assert.False(key.PublicKey.Verify(data.AsSpan(1), signature));
    }

    [Theory]
    [InlineData(KeyType.P256)]
    [InlineData(KeyType.P384)]
    public void A_DER_or_truncated_or_empty_signature_is_false_not_an_exception(KeyType keyType)
    {
        using var key = EcdsaSigningKey.Generate(keyType);
        var data = "data"u8.ToArray();
        var p1363 = key.Sign(data);
        var der = AsDer(p1363, p1363.Length / 2);

        Assert.False(key.PublicKey.Verify(data, der));
        Assert.False(key.PublicKey.Verify(data, p1363.AsSpan(0, p1363.Length - 1)));
        Assert.False(key.PublicKey.Verify(data, []));
        Assert.False(key.PublicKey.Verify(data, new byte[p1363.Length]));
    }

    [Fact]
    public void A_signature_from_the_platform_with_the_same_key_verifies_both_ways()
    {
        using var key = EcdsaSigningKey.Generate(KeyType.P256);
        var jwk = key.ExportPrivateJwk();
        using var platform = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.D),
            Q = new ECPoint { X = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.X), Y = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.Y) },
        });
        var data = "interop"u8.ToArray();

        Assert.True(key.PublicKey.Verify(data, platform.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));
        Assert.True(platform.VerifyData(data, key.Sign(data), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_RFC_7517_example_P256_private_key_derives_its_published_public_point()
    {
        // RFC 7517 Appendix A.2, first key.
        var jwk = new JsonWebKey
        {
            Kty = "EC",
            Crv = "P-256",
            X = "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4",
            Y = "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM",
            D = "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE",
        };

        var result = EcdsaSigningKey.ImportScalar(KeyType.P256, System.Buffers.Text.Base64Url.DecodeFromChars(jwk.D));

        Assert.True(result.Succeeded, result.Detail);
        using var key = result.Key;
        Assert.Equal(jwk.X, key.PublicKey.ExportJwk().X);
        Assert.Equal(jwk.Y, key.PublicKey.ExportJwk().Y);
        using var viaJwk = jwk.ToSigningKey().Key!;
        Assert.True(viaJwk.PublicKey.HasSamePublicKey(key.PublicKey));
    }

    private static byte[] AsDer(byte[] p1363, int fieldSize)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(p1363.AsSpan(0, fieldSize));
            writer.WriteIntegerUnsigned(p1363.AsSpan(fieldSize));
        }

        return writer.Encode();
    }
}
