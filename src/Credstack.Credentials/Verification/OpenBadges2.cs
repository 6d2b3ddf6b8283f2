using System.Text.Json;

namespace Credstack.Credentials.Verification;

/// <summary>Open Badges 2.0 assertions (hosted and signed).</summary>
internal sealed class OpenBadges2(VerificationRun run, CredentialVerifier verifier, VerificationRequest request, TimeProvider clock)
{
    public static bool IsAssertion(JsonElement root) =>
        JsonRead.Contexts(root).Any(c => c.StartsWith("https://w3id.org/openbadges/v2", StringComparison.Ordinal))
        || (JsonRead.HasType(root, "Assertion") && JsonRead.Property(root, "verification") is not null);

    public static bool IsSignedAssertion(string token) => false;

    public Task VerifyHostedAsync(JsonElement assertion, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        _ = (run, verifier, request, clock, assertion, cancellationToken);
        builder.Summary = builder.Summary with { Format = CredentialFormat.OpenBadges2Hosted, Container = container };
        builder.Add(VerificationCode.ProofHosted, CheckStatus.Skipped, "Open Badges 2.0 verification is not implemented yet.");
        return Task.CompletedTask;
    }

    public Task VerifySignedAsync(string token, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        _ = (run, token, cancellationToken);
        builder.Summary = builder.Summary with { Format = CredentialFormat.OpenBadges2Signed, Container = container };
        builder.Add(VerificationCode.ProofSignature, CheckStatus.Skipped, "Open Badges 2.0 verification is not implemented yet.");
        return Task.CompletedTask;
    }
}
