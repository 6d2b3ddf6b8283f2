using System.Security.Cryptography;
using System.Text;
using Credstack.Credentials.Model;

namespace Credstack.Credentials.Tests.Model;

public sealed class IdentityObjectTests
{
    private static string ExpectedSha256(string text) => "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void The_OB_3_example_hash_of_a_at_example_com_salted_with_Kosher_is_reproduced()
    {
        // OB 3.0 §B, IdentityHash: "sha256$b5809d8a…ef399" is the hash of 'a@example.comKosher'.
        const string SpecValue = "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399";

        Assert.Equal(ExpectedSha256("a@example.comKosher"), IdentityObject.ComputeSha256Hash("a@example.com", "Kosher"));
        Assert.Equal(SpecValue, IdentityObject.ComputeSha256Hash("a@example.com", "Kosher"));
    }

    [Theory]
    [InlineData("learner@example.org", "")]
    [InlineData("léa.müller@exemple.fr", "sel")]
    [InlineData("学生@例え.jp", "🧂")]
    public void The_hash_is_sha256_of_the_UTF8_of_identifier_followed_by_salt(string identifier, string salt) =>
        Assert.Equal(ExpectedSha256(identifier + salt), IdentityObject.ComputeSha256Hash(identifier, salt));

    [Fact]
    public void An_email_identity_gets_a_fresh_128_bit_salt_and_matches_only_its_address()
    {
        var first = IdentityObject.ForEmailAddress("learner@example.org");
        var second = IdentityObject.ForEmailAddress("learner@example.org");

        Assert.True(first.Hashed);
        Assert.Equal("emailAddress", first.IdentityType);
        Assert.Equal(32, first.Salt!.Length);
        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.IdentityHash, second.IdentityHash);
        Assert.Equal(ExpectedSha256("learner@example.org" + first.Salt), first.IdentityHash);
        Assert.True(first.MatchesEmailAddress("learner@example.org"));
        Assert.False(first.Matches("learner@example.com"));
        Assert.False(first.Matches("Learner@example.org"));
        Assert.False(first.Matches(""));
    }

    [Fact]
    public void A_hash_written_in_upper_case_hex_still_matches()
    {
        var identity = new IdentityObject
        {
            Hashed = true,
            IdentityType = IdentifierType.EmailAddress,
            Salt = "Kosher",
            IdentityHash = "sha256$" + "b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399".ToUpperInvariant(),
        };

        Assert.True(identity.Matches("a@example.com"));
    }

    [Fact]
    public void An_md5_identity_hash_from_another_issuer_is_verified()
    {
#pragma warning disable CA5351 // The test computes the legacy digest independently.
        var digest = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("a@example.comsalt")));
#pragma warning restore CA5351
        var identity = new IdentityObject { Hashed = true, IdentityType = IdentifierType.EmailAddress, Salt = "salt", IdentityHash = "md5$" + digest };

        Assert.True(identity.Matches("a@example.com"));
        Assert.False(identity.Matches("b@example.com"));
    }

    [Fact]
    public void A_plain_identity_matches_its_exact_value()
    {
        var identity = new IdentityObject { Hashed = false, IdentityType = IdentifierType.EmailAddress, IdentityHash = "student@1edtech.edu", Salt = "not-used" };

        Assert.True(identity.Matches("student@1edtech.edu"));
        Assert.False(identity.Matches("student@1edtech.ed"));
    }

    [Theory]
    [InlineData("sha256$xyz")]
    [InlineData("sha512$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399")]
    [InlineData("b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399")]
    [InlineData("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef39")]
    public void A_malformed_identity_hash_never_matches_and_does_not_throw(string hash)
    {
        var identity = new IdentityObject { Hashed = true, IdentityType = IdentifierType.EmailAddress, Salt = "Kosher", IdentityHash = hash };

        Assert.False(IdentityObject.IsIdentityHash(hash));
        Assert.False(identity.Matches("a@example.com"));
    }

    [Fact]
    public void An_email_match_requires_the_emailAddress_identity_type()
    {
        var identity = IdentityObject.CreateHashed(IdentifierType.SisSourcedId, "a@example.com", "Kosher");

        Assert.True(identity.Matches("a@example.com"));
        Assert.False(identity.MatchesEmailAddress("a@example.com"));
    }
}
