using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;

namespace Credstack.Interop.Tests;

/// <summary>Credstack signs; the Digital Bazaar JavaScript stack (@digitalbazaar/vc) verifies.</summary>
public sealed class CredstackToJavaScriptTests(CredstackSignedCredentials credentials) : IClassFixture<CredstackSignedCredentials>
{
    public static TheoryData<string> Cases() => InteropCase.Names();

    [InteropTheory]
    [MemberData(nameof(Cases))]
    public async Task Digital_Bazaar_vc_verifies_a_credential_Credstack_signed(string name)
    {
        var signed = (await credentials.Results).ByCase[name];

        Assert.True(Verified(signed.Verified), $"{name}: {signed.Verified.ToJsonString()}");
        Assert.Empty(signed.Verified["errors"]!.AsArray());
        Assert.Equal(InteropCase.Named(name).SuiteName, (string?)JsonNode.Parse(signed.Json)!["proof"]!["cryptosuite"]);
    }

    [InteropTheory]
    [MemberData(nameof(Cases))]
    public async Task Both_stacks_reject_a_Credstack_credential_changed_after_signing(string name)
    {
        var signed = (await credentials.Results).ByCase[name];

        Assert.False(Verified(signed.TamperedVerified), $"{name}: the JavaScript stack accepted a tampered credential.");
        Assert.NotEmpty(signed.TamperedVerified["errors"]!.AsArray());
        var report = await new DataIntegrityVerifier(new DidVerificationMethodResolver(new DidResolver())).VerifyAsync(Encoding.UTF8.GetBytes(signed.Tampered));
        Assert.True(report.HasProblem(DataIntegrityProblem.SignatureInvalid), report.ToString());
    }

    private static bool Verified(JsonObject result) => result["verified"]?.GetValue<bool>() == true;
}
