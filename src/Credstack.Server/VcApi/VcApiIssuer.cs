using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Model;
using Credstack.Credentials.Status;
using Credstack.Credentials.Verification;
using Credstack.Server.Awards;
using Credstack.Server.Hosting;
using Credstack.Server.Issuers;
using Credstack.Server.Keys;
using Credstack.Server.Problems;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.VcApi;

/// <summary>
/// VC-API "issue credential" (W3C CCG VC-API, <c>POST /credentials/issue</c>): signs the caller's credential as its
/// organization with <c>eddsa-rdfc-2022</c> through <see cref="IssuerSigner"/> (the organization's did:web key), after
/// checking the credential names the organization's DID as its issuer. A VC 2.0 credential without a
/// <c>credentialStatus</c> of its own gets a <c>BitstringStatusListEntry</c> from the organization's status lists (the
/// awards' lists and allocation), so <c>POST /credentials/status</c> can revoke or suspend it later. The credential is
/// checked as a verifier would before anything is reserved or signed, and a credential whose structure does not hold is
/// refused (422), so nothing invalid leaves the server signed and a refusal stores nothing. The signed bytes are stored
/// and answered as they were signed.
/// </summary>
internal sealed class VcApiIssuer(
    IssuerSigner signer,
    IssuerProfiles profiles,
    IssuerIdentity identity,
    CredentialVerifier verifier,
    StatusListAllocation allocation,
    StatusListEntries statusEntries,
    VcApiCredentialStore store,
    TimeProvider time)
{
    // Where the structure is checked before an index is reserved; the real slot has the same shape.
    private const string PendingListId = "00000000000000000000000000000000";

    public async Task<Results<Created<IssueCredentialResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        string organizationId, string? issuedBy, IssueCredentialRequest request, CancellationToken cancellationToken)
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

        if (CredentialId(request.Credential) is { } id
            && (!RequestText.IsStorable(id) || Encoding.UTF8.GetByteCount(id) > VcApiCredentialStore.MaxCredentialIdBytes))
        {
            return Rejected($"The credential's id is longer than {VcApiCredentialStore.MaxCredentialIdBytes} bytes or holds a NUL character; the server keeps it to find the credential again.");
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

        // A status entry the client wrote is kept as given (its list is not ours to change); VC 1.1 credentials get none
        // (their context does not define BitstringStatusListEntry).
        var keepsStatus = request.Credential.TryGetProperty("credentialStatus", out _) || !IsDataModel2(request.Credential);
        var now = time.GetUtcNow();
        var candidate = keepsStatus ? JsonSerializer.SerializeToUtf8Bytes(request.Credential) : WithStatus(request.Credential, new StatusListSlot(organizationId, PendingListId, 0));

        // Status is ours to set and endorsements are someone else's; what decides here is the structure (with no proof yet).
        var report = await verifier.VerifyAsync(candidate, new VerificationRequest { Now = now, CheckStatus = false, VerifyEndorsements = false }, cancellationToken);
        var structural = report.Errors.Where(e => e.Code.StartsWith("structure.", StringComparison.Ordinal)).ToList();
        if (structural.Count > 0)
        {
            return Rejected("The credential is not a valid verifiable credential: " + string.Join(" ", structural.Select(e => e.Path is null ? e.Message : $"{e.Path}: {e.Message}")));
        }

        var recordId = EntityId.New(time);
        StatusListSlot? slot = null;
        var unsigned = candidate;
        if (!keepsStatus)
        {
            slot = (await allocation.AllocateManyAsync(organizationId, [recordId], cancellationToken))[0];
            unsigned = WithStatus(request.Credential, slot);
        }

        var signed = await signer.SignAsync(organizationId, unsigned, IssuerSigningSuite.EddsaRdfc2022, cancellationToken);
        if (!signed.Succeeded)
        {
            // A reserved index stays taken: indexes are never reused, even unsigned ones.
            return Rejected($"The credential cannot be signed: {signed.Detail} ({signed.Problem})");
        }

        if (slot is not null)
        {
            await store.InsertAsync(
                new VcApiCredential
                {
                    Id = recordId,
                    OrganizationId = organizationId,
                    CredentialId = CredentialId(request.Credential) ?? statusEntries.Entry(slot, StatusPurpose.Revocation)["id"]!.GetValue<string>(),
                    Status = AwardStatuses.Active,
                    StatusListId = slot.ListId,
                    StatusListIndex = slot.Index,
                    IssuedBy = issuedBy,
                    CreatedAt = now,
                },
                signed.Credential,
                cancellationToken);
        }

        using var document = JsonDocument.Parse(signed.Credential);
        return TypedResults.Created((string?)null, new IssueCredentialResponse(document.RootElement.Clone()));
    }

    private byte[] WithStatus(JsonElement credential, StatusListSlot slot)
    {
        var document = JsonNode.Parse(credential.GetRawText())!.AsObject();
        document["credentialStatus"] = statusEntries.For(slot, singleObject: HasSingleStatusSchema(credential));
        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    // The OB 3.0 and CLR 2.0 JSON schemas allow credentialStatus as one object, so these get the revocation entry only.
    private static bool HasSingleStatusSchema(JsonElement credential) =>
        credential.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray() : (IEnumerable<JsonElement>)[type])
            .Any(t => t.ValueKind == JsonValueKind.String && t.GetString() is "OpenBadgeCredential" or "AchievementCredential" or "EndorsementCredential" or "ClrCredential");

    private static bool IsDataModel2(JsonElement credential) =>
        credential.TryGetProperty("@context", out var context)
        && (context.ValueKind == JsonValueKind.Array ? context.EnumerateArray().FirstOrDefault() : context) is { ValueKind: JsonValueKind.String } first
        && string.Equals(first.GetString(), KnownContexts.CredentialsV2, StringComparison.Ordinal);

    private static string? CredentialId(JsonElement credential) =>
        credential.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

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
