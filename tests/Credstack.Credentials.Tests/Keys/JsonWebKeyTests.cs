using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Tests.Keys;

public sealed class JsonWebKeyTests
{
    [Fact]
    public void The_RFC_8037_Ed25519_example_key_exports_as_the_published_JWK_and_thumbprint()
    {
        // RFC 8037 Appendix A.1 / A.2 use the RFC 8032 TEST 1 key; A.3 gives its RFC 7638 thumbprint.
        using var key = Ed25519SigningKey.FromSeed(Convert.FromHexString(Rfc8032Vectors.Named("TEST 1").Seed));

        var jwk = key.ExportPrivateJwk();

        Assert.Equal("OKP", jwk.Kty);
        Assert.Equal("Ed25519", jwk.Crv);
        Assert.Equal("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A", jwk.D);
        Assert.Equal("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", jwk.X);
        Assert.Equal("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k", key.PublicKey.ComputeJwkThumbprint());
    }

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    [InlineData(KeyType.P384)]
    [InlineData(KeyType.Rsa)]
    public void Private_and_public_JWKs_round_trip_through_JSON(KeyType keyType)
    {
        using var key = SigningKey.Generate(keyType);
        var privateJson = key.ExportPrivateJwk().ToJson();
        var publicJson = key.PublicKey.ExportJwk().ToJson();

        using var imported = JsonWebKey.Parse(privateJson).Key!.ToSigningKey().Key!;
        using var importedPublic = JsonWebKey.Parse(publicJson).Key!.ToVerificationKey().Key!;

        Assert.True(imported.PublicKey.HasSamePublicKey(key.PublicKey));
        Assert.True(importedPublic.HasSamePublicKey(key.PublicKey));
        var data = "jwk"u8.ToArray();
        Assert.True(importedPublic.Verify(data, imported.Sign(data)));
        Assert.DoesNotContain("\"d\"", publicJson, StringComparison.Ordinal);
        Assert.Contains("\"d\"", privateJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    [InlineData(KeyType.Rsa)]
    public void Private_members_never_appear_in_ToString(KeyType keyType)
    {
        using var key = SigningKey.Generate(keyType);
        var jwk = key.ExportPrivateJwk();

        Assert.DoesNotContain(jwk.D!, jwk.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(jwk.D!, key.ToString()!, StringComparison.Ordinal);
        Assert.Contains("hidden", jwk.ToString(), StringComparison.Ordinal);
        Assert.False(jwk.ToPublic().HasPrivateMembers);
        if (keyType != KeyType.Rsa)
        {
            Assert.DoesNotContain(key.ExportSecretKeyMultibase(), key.ToString()!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", KeyProblem.InvalidJwk)]
    [InlineData("not json", KeyProblem.InvalidJwk)]
    [InlineData("[1,2]", KeyProblem.InvalidJwk)]
    [InlineData("null", KeyProblem.InvalidJwk)]
    [InlineData("{\"kty\": 5}", KeyProblem.InvalidJwk)]
    public void Unparseable_JWK_text_is_a_problem_value(string json, string problem) =>
        Assert.Equal(problem, JsonWebKey.Parse(json).Problem);

    [Theory]
    [InlineData("{}", KeyProblem.InvalidJwk)]
    [InlineData("{\"kty\":\"oct\",\"k\":\"AAAA\"}", KeyProblem.UnsupportedKeyType)]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}", KeyProblem.UnsupportedKeyType)]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"Ed25519\"}", KeyProblem.InvalidJwk)]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcH\"}", KeyProblem.InvalidKeyLength)]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"}", KeyProblem.InvalidJwk)]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}", KeyProblem.InvalidJwk)]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"AA\",\"y\":\"AA\"}", KeyProblem.UnsupportedKeyType)]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE\",\"y\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE\"}", KeyProblem.InvalidPoint)]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}", KeyProblem.InvalidKeyLength)]
    [InlineData("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", KeyProblem.KeyTooSmall)]
    public void Malformed_JWKs_give_a_problem_code(string json, string problem)
    {
        var parsed = JsonWebKey.Parse(json);
        Assert.True(parsed.Succeeded, parsed.Detail);

        var result = parsed.Key.ToVerificationKey();

        Assert.False(result.Succeeded);
        Assert.Equal(problem, result.Problem);
    }

    [Fact]
    public void A_1024_bit_RSA_key_is_too_small()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        var p = rsa.ExportParameters(false);
        var jwk = new JsonWebKey
        {
            Kty = "RSA",
            N = System.Buffers.Text.Base64Url.EncodeToString(p.Modulus),
            E = System.Buffers.Text.Base64Url.EncodeToString(p.Exponent),
        };

        Assert.Equal(KeyProblem.KeyTooSmall, jwk.ToVerificationKey().Problem);
    }

    [Theory]
    [InlineData(KeyType.Ed25519)]
    [InlineData(KeyType.P256)]
    [InlineData(KeyType.P384)]
    [InlineData(KeyType.Rsa)]
    public void A_private_member_from_another_key_is_a_key_mismatch(KeyType keyType)
    {
        using var first = SigningKey.Generate(keyType);
        using var second = SigningKey.Generate(keyType);
        var second_ = second.ExportPrivateJwk();
        var mixed = keyType == KeyType.Rsa
            ? first.PublicKey.ExportJwk() with { D = second_.D, P = second_.P, Q = second_.Q, DP = second_.DP, DQ = second_.DQ, QI = second_.QI }
            : first.PublicKey.ExportJwk() with { D = second_.D };

        var result = mixed.ToSigningKey();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problem, new[] { KeyProblem.KeyMismatch, KeyProblem.InvalidJwk });
    }

    [Fact]
    public void A_public_JWK_cannot_become_a_signing_key()
    {
        using var key = Ed25519SigningKey.Generate();

        Assert.Equal(KeyProblem.InvalidJwk, key.PublicKey.ExportJwk().ToSigningKey().Problem);
    }
}
