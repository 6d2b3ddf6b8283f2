using System.Text.Json.Nodes;

namespace Credstack.Interop.Tests;

/// <summary>
/// @digitalcredentials/verifier-core, the verifier behind the Learner Credential Wallet and VerifierPlus, checks a
/// Credstack eddsa-rdfc-2022 credential offline: signature, expiry, the issuer in a (local) known-issuer registry and
/// the OB 3.0 JSON schema it assumes for an OpenBadgeCredential.
/// </summary>
public sealed class VerifierCoreTests(CredstackSignedCredentials credentials) : IClassFixture<CredstackSignedCredentials>
{
    [InteropFact]
    public async Task Verifier_core_accepts_the_signature_of_a_Credstack_eddsa_rdfc_2022_credential()
    {
        var result = (await credentials.Results).Core;

        Assert.True(result["verified"]?.GetValue<bool>() == true, result.ToJsonString());
        Assert.Empty(result["errors"]!.AsArray());
        Assert.True(Step(result, "valid_signature"), result.ToJsonString());
        Assert.True(Step(result, "expiration"), result.ToJsonString());
    }

    [InteropFact]
    public async Task Verifier_core_finds_the_issuer_in_the_known_issuer_registry_it_is_given()
    {
        var result = (await credentials.Results).Core;

        Assert.True(Step(result, "registered_issuer"), result.ToJsonString());
    }

    [InteropFact]
    public async Task Verifier_core_finds_the_Credstack_credential_valid_against_the_OB_3_0_schema()
    {
        var schema = (await credentials.Results).Core["schema"]!.AsArray();

        var check = Assert.Single(schema)!;
        Assert.EndsWith("ob_v3p0_achievementcredential_schema.json", (string?)check["schema"], StringComparison.Ordinal);
        Assert.True(check["result"]!["valid"]!.GetValue<bool>(), check.ToJsonString());
    }

    [InteropFact]
    public async Task Verifier_core_reports_an_invalid_signature_for_a_tampered_Credstack_credential()
    {
        var result = (await credentials.Results).CoreTampered;

        Assert.False(result["verified"]?.GetValue<bool>() == true, result.ToJsonString());
        Assert.Contains(result["errors"]!.AsArray(), e => ((string?)e)?.StartsWith("invalid_signature", StringComparison.Ordinal) == true);
    }

    private static bool Step(JsonObject result, string id) =>
        result["log"]!.AsArray().Any(e => string.Equals((string?)e!["id"], id, StringComparison.Ordinal) && e["valid"]!.GetValue<bool>());
}
