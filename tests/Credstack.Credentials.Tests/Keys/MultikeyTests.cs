using Credstack.Credentials.Keys;
using SimpleBase;

namespace Credstack.Credentials.Tests.Keys;

public sealed class MultikeyTests
{
    [ConformanceFact("vc-di-ecdsa", "TestVectors", "p256KeyPair.json")]
    public void Every_published_conformance_key_pair_round_trips_and_its_secret_derives_its_public_key()
    {
        var pairs = ConformanceKeys.All().ToList();
        Assert.Equal(7, pairs.Count);
        foreach (var (name, publicMultibase, secretMultibase) in pairs)
        {
            var publicKey = Multikey.ImportPublicKey(publicMultibase);
            Assert.True(publicKey.Succeeded, $"{name}: {publicKey.Detail}");
            using (publicKey.Key)
            {
                Assert.Equal(publicMultibase, publicKey.Key.ExportPublicKeyMultibase());
            }

            var secret = Multikey.ImportSecretKey(secretMultibase);
            Assert.True(secret.Succeeded, $"{name}: {secret.Detail}");
            using (secret.Key)
            {
                Assert.Equal(secretMultibase, secret.Key.ExportSecretKeyMultibase());
                Assert.Equal(publicMultibase, secret.Key.PublicKey.ExportPublicKeyMultibase());
            }

            var pair = Multikey.ImportKeyPair(publicMultibase, secretMultibase);
            Assert.True(pair.Succeeded, $"{name}: {pair.Detail}");
            pair.Key.Dispose();
        }
    }

    [ConformanceFact("vc-di-ecdsa", "TestVectors", "p256KeyPair.json")]
    public void The_conformance_key_types_are_read_from_their_multicodec_prefixes()
    {
        var keys = ConformanceKeys.All().ToDictionary(p => p.Name);
        using var ed = Multikey.ImportPublicKey(keys["eddsa keyPair"].Public).Key!;
        using var p256 = Multikey.ImportPublicKey(keys["p256KeyPair.json"].Public).Key!;
        using var p384 = Multikey.ImportPublicKey(keys["p384KeyPair.json"].Public).Key!;

        Assert.Equal(KeyType.Ed25519, ed.KeyType);
        Assert.Equal(KeyType.P256, p256.KeyType);
        Assert.Equal(KeyType.P384, p384.KeyType);
        Assert.StartsWith("z6Mk", keys["eddsa keyPair"].Public, StringComparison.Ordinal);
        Assert.StartsWith("zDna", keys["p256KeyPair.json"].Public, StringComparison.Ordinal);
        Assert.StartsWith("z82L", keys["p384KeyPair.json"].Public, StringComparison.Ordinal);
    }

    [ConformanceFact("vc-di-eddsa", "TestVectors", "proof-set-chain", "multiKeyPairs.json")]
    public void A_public_key_from_another_pair_is_a_key_mismatch()
    {
        var pairs = ConformanceKeys.All().ToList();

        var result = Multikey.ImportKeyPair(pairs[1].Public, pairs[2].Secret);

        Assert.False(result.Succeeded);
        Assert.Equal(KeyProblem.KeyMismatch, result.Problem);
    }

    [Theory]
    [InlineData(KeyType.Ed25519, "z6Mk")]
    [InlineData(KeyType.P256, "zDna")]
    [InlineData(KeyType.P384, "z82L")]
    public void Generated_keys_round_trip_through_both_Multikey_values(KeyType keyType, string prefix)
    {
        using var key = SigningKey.Generate(keyType);
        var publicMultibase = key.PublicKey.ExportPublicKeyMultibase();
        var secretMultibase = key.ExportSecretKeyMultibase();

        Assert.StartsWith(prefix, publicMultibase, StringComparison.Ordinal);
        using var imported = Multikey.ImportKeyPair(publicMultibase, secretMultibase).Key!;
        var message = "round trip"u8.ToArray();
        Assert.True(key.PublicKey.Verify(message, imported.Sign(message)));
        Assert.True(imported.PublicKey.Verify(message, key.Sign(message)));
    }

    [Theory]
    [InlineData(null, KeyProblem.InvalidMultibase)]
    [InlineData("", KeyProblem.InvalidMultibase)]
    [InlineData("z", KeyProblem.InvalidMultibase)]
    [InlineData("u7QE", KeyProblem.InvalidMultibase)] // base64url multibase, not base58btc
    [InlineData("6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", KeyProblem.InvalidMultibase)] // no 'z'
    [InlineData("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ0", KeyProblem.InvalidMultibase)] // '0' is not base58
    [InlineData("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQl", KeyProblem.InvalidMultibase)] // 'l' is not base58
    [InlineData("z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F", KeyProblem.UnsupportedKeyType)] // x25519-pub
    public void Malformed_public_multibase_values_give_a_problem_code_not_an_exception(string? value, string problem)
    {
        var result = Multikey.ImportPublicKey(value);

        Assert.False(result.Succeeded);
        Assert.Equal(problem, result.Problem);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
    }

    [Theory]
    [InlineData(0xed, 0x01, 31, KeyProblem.InvalidKeyLength)]
    [InlineData(0xed, 0x01, 33, KeyProblem.InvalidKeyLength)]
    [InlineData(0x80, 0x24, 32, KeyProblem.InvalidKeyLength)]
    [InlineData(0x81, 0x24, 33, KeyProblem.InvalidKeyLength)]
    [InlineData(0x80, 0x26, 32, KeyProblem.UnsupportedKeyType)] // ed25519-priv where a public key belongs
    [InlineData(0xe7, 0x01, 33, KeyProblem.UnsupportedKeyType)] // secp256k1-pub
    [InlineData(0x85, 0x24, 270, KeyProblem.UnsupportedKeyType)] // rsa-pub
    public void Wrong_prefixes_and_lengths_are_reported(byte prefix0, byte prefix1, int keyLength, string problem)
    {
        var bytes = new byte[2 + keyLength];
        bytes[0] = prefix0;
        bytes[1] = prefix1;
        bytes[2] = 0x02;
        var result = Multikey.ImportPublicKey("z" + Base58.Bitcoin.Encode(bytes));

        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public void An_unterminated_multicodec_varint_is_reported()
    {
        var result = Multikey.ImportPublicKey("z" + Base58.Bitcoin.Encode(new byte[] { 0x80, 0x80, 0x80 }));

        Assert.Equal(KeyProblem.UnsupportedKeyType, result.Problem);
    }

    [Theory]
    [InlineData(0x80, 0x24, 32)]
    [InlineData(0x81, 0x24, 48)]
    public void A_compressed_point_whose_x_is_not_on_the_curve_is_an_invalid_point(byte prefix0, byte prefix1, int fieldSize)
    {
        // x = 1 gives x³ − 3x + b a quadratic non-residue on both P-256 and P-384.
        var bytes = new byte[3 + fieldSize];
        bytes[0] = prefix0;
        bytes[1] = prefix1;
        bytes[2] = 0x02;
        bytes[^1] = 1;

        var result = Multikey.ImportPublicKey("z" + Base58.Bitcoin.Encode(bytes));

        Assert.Equal(KeyProblem.InvalidPoint, result.Problem);
    }

    [Fact]
    public void A_compressed_point_with_an_uncompressed_tag_is_an_invalid_point()
    {
        using var key = EcdsaSigningKey.Generate(KeyType.P256);
        var bytes = Base58.Bitcoin.Decode(key.PublicKey.ExportPublicKeyMultibase().AsSpan(1));
        bytes[2] = 0x04;

        Assert.Equal(KeyProblem.InvalidPoint, Multikey.ImportPublicKey("z" + Base58.Bitcoin.Encode(bytes)).Problem);
    }

    [Theory]
    [InlineData(KeyType.P256, 0x86, 0x26, 32)]
    [InlineData(KeyType.P384, 0x87, 0x26, 48)]
    public void A_zero_secret_scalar_is_refused(KeyType keyType, byte prefix0, byte prefix1, int size)
    {
        _ = keyType;
        var bytes = new byte[2 + size];
        bytes[0] = prefix0;
        bytes[1] = prefix1;

        Assert.Equal(KeyProblem.InvalidPoint, Multikey.ImportSecretKey("z" + Base58.Bitcoin.Encode(bytes)).Problem);
    }

    [Fact]
    public void A_public_key_given_as_the_secret_is_an_unsupported_type()
    {
        using var key = Ed25519SigningKey.Generate();

        var result = Multikey.ImportSecretKey(key.PublicKey.ExportPublicKeyMultibase());

        Assert.Equal(KeyProblem.UnsupportedKeyType, result.Problem);
    }

    [Fact]
    public void RSA_keys_have_no_Multikey_form()
    {
        using var key = RsaSigningKey.Generate();

        Assert.False(key.PublicKey.SupportsMultikey);
        Assert.Throws<NotSupportedException>(() => key.PublicKey.ExportPublicKeyMultibase());
        Assert.Throws<NotSupportedException>(() => key.ExportSecretKeyMultibase());
    }
}
