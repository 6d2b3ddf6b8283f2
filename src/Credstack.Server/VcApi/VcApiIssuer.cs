using System.Text.Json;
using Credstack.Credentials.Verification;
using Credstack.Server.Issuers;
using Credstack.Server.Keys;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.VcApi;

/// <summary>
/// VC-API "issue credential" (W3C CCG VC-API, <c>POST /credentials/issue</c>): signs the caller's credential as its
/// organization with <c>eddsa-rdfc-2022</c> through <see cref="IssuerSigner"/> (the organization's did:web key), after
/// checking the credential names the organization's DID as its issuer, then
/// verifies what it signed and refuses (422) a credential whose structure does not hold, so nothing invalid leaves the
/// server signed. The signed bytes are answered as they were signed.
/// </summary>
internal sealed class VcApiIssuer(IssuerSigner signer, IssuerProfiles profiles, IssuerIdentity identity, CredentialVerifier verifier, TimeProvider time)
{
    public async Task<Results<Created<IssueCredentialResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        string organizationId, IssueCredentialRequest request, CancellationToken cancellationToken)
    {
        if (request.Credential.ValueKind != JsonValueKind.Object)
        {
            return Problem.Validation("credential", "Send the credential to sign as a JSON object.");
        }

        if (request.Options.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            return Problem.Validation("options", "The options are a JSON object.");
        }

        if (request.Credential.TryGetProperty("proof", out _))
        {
            // Signing would make a proof set, and the answer's proof an array; the VC-API issues unsigned credentials.
            return Rejected("The credential already carries a proof; send it without one, and the server adds its own.");
        }

        if (EmptySubject(request.Credential))
        {
            return Rejected("A credentialSubject is an empty object; each subject makes at least one claim (VC Data Model 2.0 §4.8).");
        }

        if (await profiles.FindAsync(organizationId, cancellationToken) is null)
        {
            return Problem.Forbidden("Only issuer organizations issue credentials; this organization is not one.");
        }

        var did = identity.Did(organizationId);
        if (IssuerId(request.Credential) is not { } named)
        {
            return Rejected($"The credential names no issuer (a URL, or an object with an id); this organization issues as {did}.");
        }

        if (!string.Equals(named, did, StringComparison.Ordinal))
        {
            return Rejected($"The credential's issuer is '{named}'; this organization issues as {did} and signs nothing else.");
        }

        var now = time.GetUtcNow();
        var signed = await signer.SignAsync(organizationId, JsonSerializer.SerializeToUtf8Bytes(request.Credential), IssuerSigningSuite.EddsaRdfc2022, cancellationToken);
        if (!signed.Succeeded)
        {
            return Rejected($"The credential cannot be signed: {signed.Detail} ({signed.Problem})");
        }

        // Status is ours to set later and endorsements are someone else's; what decides here is the structure.
        var report = await verifier.VerifyAsync(
            signed.Credential,
            new VerificationRequest { Now = now, CheckStatus = false, VerifyEndorsements = false },
            cancellationToken);
        var structural = report.Errors.Where(e => e.Code.StartsWith("structure.", StringComparison.Ordinal)).ToList();
        if (structural.Count > 0)
        {
            return Rejected("The credential is not a valid verifiable credential: " + string.Join(" ", structural.Select(e => e.Path is null ? e.Message : $"{e.Path}: {e.Message}")));
        }

        using var document = JsonDocument.Parse(signed.Credential);
        return TypedResults.Created((string?)null, new IssueCredentialResponse(document.RootElement.Clone()));
    }

    /// <summary>The credential's issuer id: the string, or the object's <c>id</c> string; null when neither.</summary>
    private static string? IssuerId(JsonElement credential) =>
        !credential.TryGetProperty("issuer", out var issuer) ? null
        : issuer.ValueKind == JsonValueKind.String ? issuer.GetString()
        : issuer.ValueKind == JsonValueKind.Object && issuer.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()
        : null;

    // Work-around: the library verifier's VC 2.0 structure check accepts an empty credentialSubject object (reported to
    // the verifier's owners); until it refuses one, the issuer does.
    private static bool EmptySubject(JsonElement credential) =>
        credential.TryGetProperty("credentialSubject", out var subject)
        && (subject.ValueKind == JsonValueKind.Object ? !subject.EnumerateObject().Any()
            : subject.ValueKind == JsonValueKind.Array && subject.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && !s.EnumerateObject().Any()));

    private static ProblemHttpResult Rejected(string detail) =>
        Problem.Of(StatusCodes.Status422UnprocessableEntity, ProblemTypes.CredentialRejected, "Credential rejected", detail);
}
