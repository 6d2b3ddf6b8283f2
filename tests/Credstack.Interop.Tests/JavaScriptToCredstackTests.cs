using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;

namespace Credstack.Interop.Tests;

/// <summary>The Digital Bazaar JavaScript stack signs; Credstack's DataIntegrityVerifier, with its pinned contexts, verifies.</summary>
public sealed class JavaScriptToCredstackTests(JavaScriptSignedCredentials credentials) : IClassFixture<JavaScriptSignedCredentials>
{
    private static readonly DataIntegrityVerifier Verifier = new(new DidVerificationMethodResolver(new DidResolver()));

    public static TheoryData<string> Cases() => InteropCase.Names();

    [InteropTheory]
    [MemberData(nameof(Cases))]
    public async Task Credstack_verifies_a_credential_the_JavaScript_stack_signed(string name)
    {
        var json = (await credentials.ByCase)[name];
        var proof = JsonNode.Parse(json)!["proof"];
        Assert.True(proof is JsonObject, $"{name}: the JavaScript stack answered {json}");
        Assert.Equal(InteropCase.Named(name).SuiteName, (string?)proof["cryptosuite"]);

        var report = await Verifier.VerifyAsync(Encoding.UTF8.GetBytes(json));

        Assert.True(report.Succeeded, $"{name}: {report}");
        Assert.Empty(report.AllProblems);
    }

    [InteropTheory]
    [MemberData(nameof(Cases))]
    public async Task Credstack_rejects_a_JavaScript_signed_credential_changed_after_signing(string name)
    {
        var json = InteropCredentials.Tampered((await credentials.ByCase)[name]);

        var report = await Verifier.VerifyAsync(Encoding.UTF8.GetBytes(json));

        Assert.False(report.Succeeded);
        Assert.True(report.HasProblem(DataIntegrityProblem.SignatureInvalid), report.ToString());
    }
}
