using System.Globalization;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Status;
using Credstack.Server.Awards;
using Credstack.Server.Problems;
using Credstack.Server.StatusLists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.VcApi;

/// <summary>
/// VC-API "update status" (W3C CCG VC-API, <c>POST /credentials/status</c>): sets or clears the revocation or suspension
/// bit of a credential the caller's organization signed through <c>POST /credentials/issue</c>, in the same status lists
/// and with the same batched re-signing as awards. Revocation is for good (Bitstring Status List v1.0 §2.1: a revoked
/// credential cannot be reinstated); suspension can be cleared. Setting a status the credential already has is answered
/// 200 with nothing changed, so a retried request is harmless. Credentials of other organizations are not found (404).
/// </summary>
internal sealed class VcApiStatusUpdater(VcApiCredentialStore store, StatusListUrls urls)
{
    // The status entry's type, and the names clients use for its list (the VC-API example says "BitstringStatusList").
    private static readonly string[] EntryTypes = [BitstringStatusListEntry.EntryType, "BitstringStatusListCredential", "BitstringStatusList"];

    public async Task<Results<Ok<UpdateStatusResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string organizationId, UpdateStatusRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.CredentialId))
        {
            errors["credentialId"] = ["Name the credential by its id."];
        }
        else if (Encoding.UTF8.GetByteCount(request.CredentialId) > VcApiCredentialStore.MaxCredentialIdBytes)
        {
            errors["credentialId"] = [$"A credential id has at most {VcApiCredentialStore.MaxCredentialIdBytes} bytes (UTF-8)."];
        }

        var change = Parse(request, errors);
        if (errors.Count > 0 || change is null)
        {
            return Problem.Validation(errors);
        }

        var credentialId = request.CredentialId!;
        var credentials = await store.FindAsync(organizationId, credentialId, cancellationToken);
        if (credentials.Count == 0)
        {
            return Problem.NotFound($"This organization has issued no credential '{credentialId}' with a status entry this server keeps.");
        }

        if (change.Named is { } named && !credentials.Any(c => Names(organizationId, c, change.Purpose, named)))
        {
            return Problem.NotFound($"The credential '{credentialId}' has no {StatusListPurposes.Segment(change.Purpose)} entry like the one named.");
        }

        var revoked = credentials.Any(c => c.Status is AwardStatuses.Revoked);
        switch (change.Purpose, change.Set)
        {
            case (StatusPurpose.Revocation, true):
                await store.ChangeStatusAsync(organizationId, credentialId, AwardStatuses.Active, AwardStatuses.Revoked, cancellationToken);
                await store.ChangeStatusAsync(organizationId, credentialId, AwardStatuses.Suspended, AwardStatuses.Revoked, cancellationToken);
                return TypedResults.Ok(new UpdateStatusResponse(credentialId, AwardStatuses.Revoked));
            case (StatusPurpose.Revocation, false):
                return revoked
                    ? Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.AwardStateConflict, "Revocation is permanent", $"The credential '{credentialId}' is revoked, and a revoked credential stays revoked.")
                    : TypedResults.Ok(new UpdateStatusResponse(credentialId, credentials[0].Status));
            case (_, _) when revoked:
                return Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.AwardStateConflict, "Credential revoked", $"The credential '{credentialId}' is revoked; its suspension no longer changes.");
            case (_, true):
                await store.ChangeStatusAsync(organizationId, credentialId, AwardStatuses.Active, AwardStatuses.Suspended, cancellationToken);
                return TypedResults.Ok(new UpdateStatusResponse(credentialId, AwardStatuses.Suspended));
            default:
                await store.ChangeStatusAsync(organizationId, credentialId, AwardStatuses.Suspended, AwardStatuses.Active, cancellationToken);
                return TypedResults.Ok(new UpdateStatusResponse(credentialId, AwardStatuses.Active));
        }
    }

    /// <summary>The change asked for, from either request shape; null (with <paramref name="errors"/>) when it is not one.</summary>
    private static StatusChange? Parse(UpdateStatusRequest request, Dictionary<string, string[]> errors)
    {
        var status = request.CredentialStatus;
        if (status.ValueKind == JsonValueKind.Object)
        {
            if (!EntryTypes.Contains(String(status, "type"), StringComparer.Ordinal))
            {
                errors["credentialStatus.type"] = [$"This server keeps Bitstring Status Lists: the type is {BitstringStatusListEntry.EntryType}."];
            }

            if (!StatusListPurposes.TryParse(String(status, "statusPurpose"), out var purpose))
            {
                errors["credentialStatus.statusPurpose"] = ["The purpose is 'revocation' or 'suspension'."];
            }

            bool? set = request.Status.ValueKind switch
            {
                JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
            if (set is null)
            {
                errors["status"] = ["The status is true (set the bit: revoke or suspend) or false (clear it)."];
            }

            var named = new NamedEntry(String(status, "id"), String(status, "statusListIndex"), String(status, "statusListCredential"));
            foreach (var member in (string[])["id", "statusListIndex", "statusListCredential"])
            {
                if (status.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.String)
                {
                    errors[$"credentialStatus.{member}"] = ["When given, this is a string."];
                }
            }

            return errors.Count > 0 ? null
                : new StatusChange(purpose!.Value, set!.Value, named.Id is null && named.Index is null && named.ListCredential is null ? null : named);
        }

        if (status.ValueKind == JsonValueKind.Array && status.GetArrayLength() > 0 && request.Status.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            var statuses = status.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Object && EntryTypes.Contains(String(e, "type"), StringComparer.Ordinal) ? String(e, "status") : null)
                .ToList();
            if (statuses.Any(s => s is not ("revoked" or "suspended" or "active")))
            {
                errors["credentialStatus"] = [$"Each entry has the type {BitstringStatusListEntry.EntryType} and a status of 'revoked', 'suspended' or 'active'."];
                return null;
            }

            return statuses.Contains("revoked") ? new StatusChange(StatusPurpose.Revocation, true, null)
                : statuses.Contains("suspended") ? new StatusChange(StatusPurpose.Suspension, true, null)
                : new StatusChange(StatusPurpose.Suspension, false, null);
        }

        errors["credentialStatus"] = [$"Give the status entry to change, {{ \"type\": \"{BitstringStatusListEntry.EntryType}\", \"statusPurpose\": \"revocation\" }}, and \"status\": true to set it or false to clear it."];
        return null;
    }

    /// <summary>Whether the entry the request named (by id, index or list, any it gave) is this credential's entry of that purpose.</summary>
    private bool Names(string organizationId, VcApiCredential credential, StatusPurpose purpose, NamedEntry named)
    {
        var list = urls.For(organizationId, credential.StatusListId, purpose).AbsoluteUri;
        var index = credential.StatusListIndex.ToString(CultureInfo.InvariantCulture);
        return (named.Id is null || string.Equals(named.Id, $"{list}#{index}", StringComparison.Ordinal))
            && (named.Index is null || string.Equals(named.Index, index, StringComparison.Ordinal))
            && (named.ListCredential is null || string.Equals(named.ListCredential, list, StringComparison.Ordinal));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record NamedEntry(string? Id, string? Index, string? ListCredential);

    private sealed record StatusChange(StatusPurpose Purpose, bool Set, NamedEntry? Named);
}
