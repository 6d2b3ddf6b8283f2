using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Keys;

public sealed class SigningKeyContractTests
{
    public static TheoryData<KeyType> KeyTypes => [KeyType.Ed25519, KeyType.P256, KeyType.P384, KeyType.Rsa];

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public void Sign_into_a_span_writes_SignatureSize_bytes_that_verify(KeyType keyType)
    {
        using var key = SigningKey.Generate(keyType);
        var data = "span"u8.ToArray();
        var buffer = new byte[key.SignatureSize + 10];

        var written = key.Sign(data, buffer);

        Assert.Equal(key.SignatureSize, written);
        Assert.True(key.PublicKey.Verify(data, buffer.AsSpan(0, written)));
        Assert.Throws<ArgumentException>(() => key.Sign(data, new byte[key.SignatureSize - 1]));
    }

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public void A_disposed_key_refuses_to_sign_and_says_so_in_ToString(KeyType keyType)
    {
        var key = SigningKey.Generate(keyType);
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.Sign("x"u8));
        Assert.Throws<ObjectDisposedException>(() => key.ExportPrivateJwk());
        Assert.Contains("disposed", key.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public void The_JOSE_algorithm_and_key_type_agree(KeyType keyType)
    {
        using var key = SigningKey.Generate(keyType);
        var expected = keyType switch
        {
            KeyType.Ed25519 => "EdDSA",
            KeyType.P256 => "ES256",
            KeyType.P384 => "ES384",
            _ => "RS256",
        };

        Assert.Equal(keyType, key.KeyType);
        Assert.Equal(expected, key.JoseAlgorithm);
    }

    [Fact]
    public void Disposing_an_Ed25519_key_clears_its_seed()
    {
        var key = Ed25519SigningKey.FromSeed(Convert.FromHexString(Rfc8032Vectors.Named("TEST 1").Seed));
        var field = typeof(Ed25519SigningKey).GetField("_seed", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var seed = (byte[])field.GetValue(key)!;
        Assert.Contains(seed, b => b != 0);

        key.Dispose();

        Assert.All(seed, b => Assert.Equal(0, b));
    }

    [Fact]
    public void RSA_signatures_are_RS256_and_match_the_platform()
    {
        using var key = RsaSigningKey.Generate();
        var jwk = key.ExportPrivateJwk();
        using var platform = System.Security.Cryptography.RSA.Create();
        platform.ImportParameters(new System.Security.Cryptography.RSAParameters
        {
            Modulus = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.N),
            Exponent = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.E),
        });
        var data = "rs256"u8.ToArray();

        Assert.Equal(256, key.SignatureSize);
        Assert.True(platform.VerifyData(data, key.Sign(data), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
        Assert.False(key.PublicKey.Verify(data, new byte[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RsaSigningKey.Generate(1024));
    }
}
