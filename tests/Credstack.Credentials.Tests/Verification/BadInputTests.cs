using System.Text;
using System.Text.Json;
using Credstack.Credentials.Baking;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Verification;
using static Credstack.Credentials.Tests.Verification.VerificationFixtures;

namespace Credstack.Credentials.Tests.Verification;

/// <summary>Bad input is a report with a failed check, never an exception or a hang.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string> Texts() => new()
    {
        { "", VerificationCode.InputFormat },
        { "   \n\t ", VerificationCode.InputFormat },
        { "{", VerificationCode.StructureJson },
        { "{\"a\":1,}", VerificationCode.StructureJson },
        { "[1,2,3]", VerificationCode.StructureJson },
        { "42", VerificationCode.InputFormat },
        { "\"just a string\"", VerificationCode.InputFormat },
        { "\"eyJhbGciOiJub25lIn0.e30.\"", VerificationCode.ProofFormat },
        { "{}", VerificationCode.StructureSchema },
        { "{\"@context\":42,\"type\":{},\"issuer\":[],\"credentialSubject\":7,\"proof\":\"x\"}", VerificationCode.StructureSchema },
        { "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],\"issuer\":\"did:key:z6Mk\",\"credentialSubject\":{\"n\":1e400},\"proof\":{\"type\":\"DataIntegrityProof\"}}", VerificationCode.ProofFormat },
        { "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],\"issuer\":\"did:key:z6Mk\",\"credentialSubject\":{},\"proof\":[]}", VerificationCode.ProofPresent },
        { "{\"a\":1,\"a\":2,\"proof\":{}}", VerificationCode.StructureJson },
        { "eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln", VerificationCode.StructureJwt },
        { "a.b.c.d.e", VerificationCode.StructureJwt },
        { "data:text/plain,hello", VerificationCode.InputFormat },
        { "data:application/vc+jwt,", VerificationCode.InputFormat },
        { "https://example.org/badge.json", VerificationCode.InputFormat },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\"><openbadges:credential", VerificationCode.InputImage },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", VerificationCode.InputImage },
        { "not a credential at all", VerificationCode.InputFormat },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Bad_text_input_is_a_report_with_a_failed_check(string input, string code)
    {
        var report = await new CredentialVerifier().VerifyAsync(input, At());

        Assert.False(report.Verified);
        Assert.True(report.HasFailed(code), Codes(report));
    }

    [Fact]
    public async Task Deep_nesting_is_refused_without_a_stack_overflow()
    {
        var deep = "{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var report = await new CredentialVerifier().VerifyAsync(deep, At());

        Assert.True(report.HasFailed(VerificationCode.StructureJson), Codes(report));
    }

    [Fact]
    public async Task Input_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var verifier = new CredentialVerifier(new CredentialVerifierOptions { MaxInputBytes = 1024 });

        var report = await verifier.VerifyAsync(new byte[4096], At());

        Assert.True(report.HasFailed(VerificationCode.InputFormat), Codes(report));
    }

    [Fact]
    public async Task A_truncated_baked_png_is_a_failed_image_check()
    {
        using var key = SigningKey.Generate(KeyType.Ed25519);
        var baked = PngBaker.Bake(TestPngBytes(), Encoding.UTF8.GetString(Issue(key, DataIntegrityCryptosuite.EddsaRdfc2022)));
        Assert.True(baked.Succeeded);

        var truncated = baked.Image![..(baked.Image!.Length / 2)];
        var report = await new CredentialVerifier().VerifyAsync(truncated, At());
        var whole = await new CredentialVerifier().VerifyAsync(baked.Image, At());

        Assert.True(report.HasFailed(VerificationCode.InputImage), Codes(report));
        Assert.True(whole.Verified, Codes(whole));
        Assert.Equal(CredentialContainer.Png, whole.Credential!.Container);
    }

    [Fact]
    public async Task Random_bytes_never_throw()
    {
        var verifier = new CredentialVerifier();
        for (var i = 0; i < 200; i++)
        {
            // Deterministic noise: SHA-256 blocks of the round number (the test is reproducible, and System.Random is banned).
            var bytes = Enumerable.Range(0, (i * 7) % 16).SelectMany(block => System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes((i * 31) + block))).ToArray();
            if (i % 3 == 0 && bytes.Length > 0)
            {
                bytes[0] = (byte)"{<\"e"[i % 4];
            }

            var report = await verifier.VerifyAsync(bytes, At());

            Assert.False(report.Verified);
        }
    }

    [Fact]
    public async Task A_JsonElement_of_any_kind_is_accepted()
    {
        using var document = JsonDocument.Parse("[true, null, 3, \"x\", {}]");
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var report = await new CredentialVerifier().VerifyAsync(element, At());

            Assert.False(report.Verified);
            Assert.NotEmpty(report.Errors);
        }
    }

    private static byte[] TestPngBytes() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
