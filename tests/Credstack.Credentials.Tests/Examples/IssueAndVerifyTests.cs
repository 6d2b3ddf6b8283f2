using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Model;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Tests.Examples;

/// <summary>
/// The issuing path end to end, across the model, the validator and Data Integrity: an issuer with a
/// did:key builds an Open Badges 3.0 credential for a learner known by email, signs it with each
/// cryptosuite, and a verifier that knows nothing but the signed bytes accepts it.
/// </summary>
public sealed class IssueAndVerifyTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<KeyType, DataIntegrityCryptosuite> Suites() => new()
    {
        { KeyType.Ed25519, DataIntegrityCryptosuite.EddsaRdfc2022 },
        { KeyType.Ed25519, DataIntegrityCryptosuite.EddsaJcs2022 },
        { KeyType.P256, DataIntegrityCryptosuite.EcdsaRdfc2019 },
        { KeyType.P384, DataIntegrityCryptosuite.EcdsaJcs2019 },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task A_credential_issued_to_an_email_verifies_and_validates(KeyType keyType, DataIntegrityCryptosuite suite)
    {
        using var key = SigningKey.Generate(keyType);
        var did = DidKey.CreateDid(key.PublicKey);
        var credential = AchievementCredential.Create(
            new Profile { Id = did, Name = "Example University" },
            AchievementSubject.ForIdentifiers(
                new Achievement
                {
                    Id = "https://example.edu/achievements/data-analysis",
                    Name = "Data Analysis with Python",
                    Description = "Clean, explore and model tabular data.",
                    Criteria = new Criteria { Narrative = "Pass the final project." },
                },
                IdentityObject.ForEmailAddress("learner@example.org")),
            IssuedAt,
            id: "urn:uuid:0193f1a2-7c00-7000-8000-000000000001");
        Assert.True(CredentialValidator.Validate(credential.ToUtf8Json(), ValidationMode.Strict).IsValid);

        var signed = new DataIntegritySigner(new FixedTime(IssuedAt)).Sign(
            credential.ToUtf8Json(),
            key,
            new DataIntegrityProofOptions { VerificationMethod = DidKey.VerificationMethodId(key.PublicKey), Cryptosuite = suite });
        Assert.True(signed.Succeeded, signed.Detail);

        var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver(null)), new FixedTime(IssuedAt.AddDays(1)));
        var report = await verifier.VerifyAsync(signed.SignedDocument);

        Assert.True(report.Succeeded, string.Join("; ", report.Problems.Select(p => p.Code + ": " + p.Detail)));
        Assert.True(CredentialValidator.Validate(signed.SignedDocument).IsValid);

        var tampered = (byte[])signed.SignedDocument!.Clone();
        var at = tampered.AsSpan().IndexOf("Pass the final"u8);
        tampered[at] = (byte)'F';
        Assert.False((await verifier.VerifyAsync(tampered)).Succeeded);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
