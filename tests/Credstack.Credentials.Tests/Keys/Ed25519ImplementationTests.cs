using System.Security.Cryptography;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Keys;

public sealed class Ed25519ImplementationTests
{
    [Fact]
    public void OpenSSL_is_used_by_default_on_Linux_where_libcrypto_3_is_installed()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/lib/x86_64-linux-gnu/libcrypto.so.3") && !Conformance.IsCi)
        {
            return;
        }

        Assert.True(Ed25519SigningKey.IsOpenSslAvailable);
        Assert.Equal(Ed25519Implementation.OpenSsl, Ed25519SigningKey.ResolveImplementation(Ed25519Implementation.Auto, null, openSslAvailable: true));
    }

    [Theory]
    [InlineData(Ed25519Implementation.Auto, null, true, Ed25519Implementation.OpenSsl)]
    [InlineData(Ed25519Implementation.Auto, "managed", true, Ed25519Implementation.Managed)]
    [InlineData(Ed25519Implementation.Auto, "MANAGED", true, Ed25519Implementation.Managed)]
    [InlineData(Ed25519Implementation.Auto, "openssl", false, Ed25519Implementation.Managed)]
    [InlineData(Ed25519Implementation.Auto, null, false, Ed25519Implementation.Managed)]
    [InlineData(Ed25519Implementation.Managed, null, true, Ed25519Implementation.Managed)]
    [InlineData(Ed25519Implementation.OpenSsl, "managed", true, Ed25519Implementation.OpenSsl)]
    public void Auto_prefers_OpenSSL_unless_the_variable_forces_the_managed_implementation(
        Ed25519Implementation requested, string? variable, bool openSslAvailable, Ed25519Implementation expected) =>
        Assert.Equal(expected, Ed25519SigningKey.ResolveImplementation(requested, variable, openSslAvailable));

    [Fact]
    public void Asking_for_OpenSSL_where_it_is_missing_is_an_environment_error() =>
        Assert.Throws<PlatformNotSupportedException>(() => Ed25519SigningKey.ResolveImplementation(Ed25519Implementation.OpenSsl, null, openSslAvailable: false));

    [Fact]
    public void Both_implementations_give_identical_keys_and_signatures_for_random_seeds_and_messages()
    {
        if (!Ed25519SigningKey.IsOpenSslAvailable)
        {
            return;
        }

        for (var i = 0; i < 64; i++)
        {
            var seed = RandomNumberGenerator.GetBytes(32);
            var message = RandomNumberGenerator.GetBytes(i * 7);
            using var openSsl = Ed25519SigningKey.FromSeed(seed, Ed25519Implementation.OpenSsl);
            using var managed = Ed25519SigningKey.FromSeed(seed, Ed25519Implementation.Managed);

            Assert.Equal(managed.PublicKey.ExportPublicKeyMultibase(), openSsl.PublicKey.ExportPublicKeyMultibase());
            var fromOpenSsl = openSsl.Sign(message);
            var fromManaged = managed.Sign(message);
            Assert.Equal(fromManaged, fromOpenSsl);
            Assert.True(openSsl.PublicKey.Verify(message, fromManaged));
            Assert.True(managed.PublicKey.Verify(message, fromOpenSsl));
        }
    }

    public static TheoryData<Ed25519Implementation> Implementations => Ed25519Implementations.Theory();

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Repeated_signing_and_verifying_with_one_key_stays_correct(Ed25519Implementation implementation)
    {
        // The OpenSSL path reuses its EVP_MD_CTX between calls; the answers must not drift.
        var vector = Rfc8032Vectors.Named("TEST 2");
        using var key = Ed25519SigningKey.FromSeed(Convert.FromHexString(vector.Seed), implementation);
        var message = Convert.FromHexString(vector.Message);
        var bad = Convert.FromHexString(vector.Signature);
        bad[0] ^= 1;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(vector.Signature, Convert.ToHexStringLower(key.Sign(message)));
            Assert.True(key.PublicKey.Verify(message, Convert.FromHexString(vector.Signature)));
            Assert.False(key.PublicKey.Verify(message, bad));
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task Concurrent_signing_with_one_key_gives_the_same_signature_on_every_thread(Ed25519Implementation implementation)
    {
        var vector = Rfc8032Vectors.Named("TEST 3");
        using var key = Ed25519SigningKey.FromSeed(Convert.FromHexString(vector.Seed), implementation);
        var message = Convert.FromHexString(vector.Message);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50).All(_ => Convert.ToHexStringLower(key.Sign(message)) == vector.Signature
                && key.PublicKey.Verify(message, Convert.FromHexString(vector.Signature))))));

        Assert.All(results, Assert.True);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Verify_returns_false_for_malformed_signatures_instead_of_throwing(Ed25519Implementation implementation)
    {
        var vector = Rfc8032Vectors.Named("TEST 1");
        using var key = Ed25519VerificationKey.FromPublicKey(Convert.FromHexString(vector.PublicKey), implementation);
        var signature = Convert.FromHexString(vector.Signature);

        Assert.False(key.Verify([], []));
        Assert.False(key.Verify([], signature.AsSpan(0, 63)));
        Assert.False(key.Verify([], [.. signature, 0]));
        Assert.False(key.Verify([], new byte[64]));
        Assert.False(key.Verify([], Enumerable.Repeat((byte)0xff, 64).ToArray()));
        Assert.False(key.Verify([1], signature));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void A_signature_whose_S_is_not_reduced_mod_L_is_rejected(Ed25519Implementation implementation)
    {
        // RFC 8032 §5.1.7 step 1: S must be in [0, L). S + L verifies the same equation, so only the range check stops it.
        var vector = Rfc8032Vectors.Named("TEST 1");
        var signature = Convert.FromHexString(vector.Signature);
        var l = System.Numerics.BigInteger.Pow(2, 252) + System.Numerics.BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true) + l;
        var malleated = signature.ToArray();
        s.TryWriteBytes(malleated.AsSpan(32), out _, isUnsigned: true);
        using var key = Ed25519VerificationKey.FromPublicKey(Convert.FromHexString(vector.PublicKey), implementation);

        Assert.True(key.Verify([], signature));
        Assert.False(key.Verify([], malleated));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void A_public_key_that_is_not_a_curve_point_verifies_nothing(Ed25519Implementation implementation)
    {
        // y = 2 has no x on edwards25519 (checked with the curve equation), so the key cannot decode.
        var notAPoint = new byte[32];
        notAPoint[0] = 2;
        var vector = Rfc8032Vectors.Named("TEST 1");
        using var key = Ed25519VerificationKey.FromPublicKey(notAPoint, implementation);

        Assert.False(key.Verify([], Convert.FromHexString(vector.Signature)));
    }

    [Fact]
    public void Generated_keys_are_random_and_sign_verifiably()
    {
        using var first = Ed25519SigningKey.Generate();
        using var second = Ed25519SigningKey.Generate();

        Assert.NotEqual(first.PublicKey.ExportPublicKeyMultibase(), second.PublicKey.ExportPublicKeyMultibase());
        Assert.True(first.PublicKey.Verify("hello"u8, first.Sign("hello"u8)));
        Assert.False(second.PublicKey.Verify("hello"u8, first.Sign("hello"u8)));
    }
}
