using System.Text;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;
using static Credstack.Credentials.Tests.DataIntegrity.DataIntegrityFixtures;

namespace Credstack.Credentials.Tests.DataIntegrity;

/// <summary>The did:key keys the resolver keeps between verifications, and that keeping them weakens no check.</summary>
public sealed class DidVerificationMethodResolverTests
{
    private const string Unsigned = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
         "id":"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33","type":["VerifiableCredential","AlumniCredential"],
         "name":"Alumni Credential","issuer":"ISSUER","validFrom":"2023-01-01T00:00:00Z",
         "credentialSubject":{"id":"did:example:abcdefgh","alumniOf":"The School of Examples"}}
        """;

    [Fact]
    public async Task An_ed25519_did_key_method_resolved_twice_is_one_key_that_the_resolver_keeps()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var resolver = new DidVerificationMethodResolver(new DidResolver());
        var request = new VerificationMethodRequest { MethodId = DidKey.VerificationMethodId(key.PublicKey), Relationship = VerificationRelationship.AssertionMethod };

        var first = await resolver.ResolveAsync(request);
        var second = await resolver.ResolveAsync(request);
        var keyAgreement = await resolver.ResolveAsync(request with { Relationship = VerificationRelationship.KeyAgreement });

        Assert.True(first.Succeeded && second.Succeeded && keyAgreement.Succeeded);
        Assert.Same(first.Key, second.Key);
        Assert.False(first.DisposeKeyAfterUse);
        Assert.False(second.DisposeKeyAfterUse);
        Assert.Equal(DidKey.CreateDid(key.PublicKey), second.Controller);
        Assert.True(second.AuthorizedForRelationship);
        Assert.False(keyAgreement.AuthorizedForRelationship);
        Assert.True(second.Key.HasSamePublicKey(key.PublicKey));
    }

    [Fact]
    public async Task A_P256_did_key_is_resolved_for_each_call_and_handed_over_for_disposal()
    {
        using var key = SigningKey.Generate(KeyType.P256);
        var resolver = new DidVerificationMethodResolver(new DidResolver());
        var request = new VerificationMethodRequest { MethodId = DidKey.VerificationMethodId(key.PublicKey), Relationship = VerificationRelationship.AssertionMethod };

        var first = await resolver.ResolveAsync(request);
        var second = await resolver.ResolveAsync(request);

        Assert.True(first.DisposeKeyAfterUse);
        Assert.NotSame(first.Key, second.Key);
        first.Key!.Dispose();
        second.Key!.Dispose();
    }

    [Fact]
    public async Task A_bad_did_key_is_not_kept_and_fails_every_time()
    {
        var resolver = new DidVerificationMethodResolver(new DidResolver());
        var request = new VerificationMethodRequest { MethodId = "did:key:z6MkBAD#z6MkBAD", Relationship = VerificationRelationship.AssertionMethod };

        Assert.False((await resolver.ResolveAsync(request)).Succeeded);
        Assert.False((await resolver.ResolveAsync(request)).Succeeded);
    }

    [Theory]
    [InlineData(DataIntegrityCryptosuite.EddsaRdfc2022)]
    [InlineData(DataIntegrityCryptosuite.EddsaJcs2022)]
    public async Task One_verifier_that_has_accepted_a_credential_still_rejects_each_tampered_copy(DataIntegrityCryptosuite suite)
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        using var other = SigningKey.Generate(KeyType.Ed25519);
        var did = DidKey.CreateDid(key.PublicKey);
        var document = Encoding.UTF8.GetBytes(Unsigned.Replace("ISSUER", did, StringComparison.Ordinal));
        var options = new DataIntegrityProofOptions { VerificationMethod = DidKey.VerificationMethodId(key.PublicKey), Cryptosuite = suite };
        var signer = new DataIntegritySigner(Clock);
        var signed = signer.Sign(document, key, options).SignedDocument!;
        var forged = signer.Sign(document, other, options).SignedDocument!;
        var verifier = new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver()), Clock);

        Assert.True((await verifier.VerifyAsync(signed)).Succeeded);

        var renamed = Edit(signed, root => root["name"] = "Alumni Credentia1");
        Assert.True((await verifier.VerifyAsync(renamed)).HasProblem(DataIntegrityProblem.SignatureInvalid));

        var flipped = Edit(signed, root =>
        {
            var value = root["proof"]!["proofValue"]!.GetValue<string>();
            root["proof"]!["proofValue"] = value[..^1] + (value[^1] == '2' ? '3' : '2');
        });
        Assert.True((await verifier.VerifyAsync(flipped)).HasProblem(DataIntegrityProblem.SignatureInvalid));

        // Another key's signature under the kept key's verification method.
        Assert.True((await verifier.VerifyAsync(forged)).HasProblem(DataIntegrityProblem.SignatureInvalid));

        var otherIssuer = Edit(signed, root => root["issuer"] = DidKey.CreateDid(other.PublicKey));
        Assert.True((await verifier.VerifyAsync(otherIssuer)).HasProblem(DataIntegrityProblem.VerificationMethodNotAuthorized));

        Assert.True((await verifier.VerifyAsync(signed)).Succeeded);
    }
}
