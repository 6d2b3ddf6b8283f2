using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Keys;

public sealed class Ed25519VectorTests
{
    public static TheoryData<string, Ed25519Implementation> Vectors => Rfc8032Vectors.ByImplementation();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Signing_reproduces_the_RFC_8032_signature_byte_for_byte(string name, Ed25519Implementation implementation)
    {
        var vector = Rfc8032Vectors.Named(name);
        using var key = Ed25519SigningKey.FromSeed(Convert.FromHexString(vector.Seed), implementation);

        Assert.Equal(implementation, key.Implementation);
        Assert.Equal(vector.Signature, Convert.ToHexStringLower(key.Sign(Convert.FromHexString(vector.Message))));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_public_key_derived_from_the_seed_is_the_RFC_8032_public_key(string name, Ed25519Implementation implementation)
    {
        var vector = Rfc8032Vectors.Named(name);
        using var key = Ed25519SigningKey.FromSeed(Convert.FromHexString(vector.Seed), implementation);

        Assert.Equal(vector.PublicKey, Convert.ToHexStringLower(((Ed25519VerificationKey)key.PublicKey).ExportPublicKey()));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_RFC_8032_signature_verifies_and_a_flipped_bit_does_not(string name, Ed25519Implementation implementation)
    {
        var vector = Rfc8032Vectors.Named(name);
        using var key = Ed25519VerificationKey.FromPublicKey(Convert.FromHexString(vector.PublicKey), implementation);
        var message = Convert.FromHexString(vector.Message);
        var signature = Convert.FromHexString(vector.Signature);

        Assert.True(key.Verify(message, signature));
        signature[17] ^= 0x04;
        Assert.False(key.Verify(message, signature));
    }

    public static TheoryData<Ed25519Implementation> Implementations => Ed25519Implementations.Theory();

    [ConformanceTheory("vc-di-eddsa", "TestVectors", "keyPair.json")]
    [MemberData(nameof(Implementations))]
    public void Signing_the_eddsa_rdfc_2022_hash_data_reproduces_the_published_signature(Ed25519Implementation implementation)
    {
        var folder = Conformance.PathOf("vc-di-eddsa", "TestVectors");
        var pair = ConformanceKeys.Read(Path.Combine(folder, "keyPair.json"));
        var hashData = Convert.FromHexString(File.ReadAllText(Path.Combine(folder, "eddsa-rdfc-2022", "combinedHashDataInt.txt")).Trim());
        var expected = File.ReadAllText(Path.Combine(folder, "eddsa-rdfc-2022", "sigHexDataInt.txt")).Trim();

        var imported = Multikey.ImportSecretKey(pair.Secret, implementation);
        Assert.True(imported.Succeeded, imported.Detail);
        using var key = imported.Key;

        Assert.Equal(expected, Convert.ToHexStringLower(key.Sign(hashData)));
    }
}
