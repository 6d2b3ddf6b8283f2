namespace Credstack.Interop.Tests;

/// <summary>
/// The JavaScript stack runs without the network: every URL a library asks for is served from the conformance folder
/// or test files, or refused and recorded; a credential citing a context nobody holds fails instead of downloading it.
/// </summary>
public sealed class OfflineTests(CredstackSignedCredentials credentials) : IClassFixture<CredstackSignedCredentials>
{
    [InteropFact]
    public async Task The_Digital_Bazaar_document_loader_refuses_a_context_it_does_not_hold()
    {
        var result = (await credentials.Results).UnknownContext;

        Assert.False(result["verified"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Contains(
            result["errors"]!.AsArray(),
            e => ((string?)e)?.Contains($"offline document loader: {CredstackSignedCredentials.UnknownContextUrl} is not available", StringComparison.Ordinal) == true);
    }

    [InteropFact]
    public async Task Verifier_core_reports_a_credential_with_a_context_it_cannot_load_as_not_verified()
    {
        var result = (await credentials.Results).CoreUnknownContext;

        // verifier-core folds a context it cannot load into "invalid_signature" (see docs/interop.md).
        Assert.False(result["verified"]!.GetValue<bool>(), result.ToJsonString());
        Assert.NotEmpty(result["errors"]!.AsArray());
        Assert.Contains(result["refused"]!.AsArray(), u => (string?)u == CredstackSignedCredentials.UnknownContextUrl);
    }

    [InteropFact]
    public async Task Verifier_core_checks_a_Credstack_credential_without_asking_for_anything_it_was_not_given()
    {
        var result = (await credentials.Results).Core;

        Assert.Empty(result["refused"]!.AsArray());
    }
}
