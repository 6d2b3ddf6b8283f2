// Controlled Identifiers 1.0 §3.3 "Retrieve Verification Method" for HTTPS ids, as OB 3.0 uses them: the document at the
// id (without fragment) is an issuer profile or controller document listing the method under "verificationMethod" (with
// publicKeyMultibase or publicKeyJwk), or the method itself. Its controller must be the credential's issuer. The document
// comes only through the caller's IDocumentFetcher.
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Verification;

/// <summary>
/// Resolves non-DID verification methods and JWS <c>kid</c>s: first through the keys the caller vouches for, then through
/// the fetch seam. Without either, the answer is "not found" with the reason, and nothing is fetched.
/// </summary>
internal sealed class DocumentKeyResolver(IVerificationMethodResolver? callerMethods, IJwtKeyResolver? callerJwtKeys, IDocumentFetcher? documents)
    : IVerificationMethodResolver
{
    private const int MaxDocumentBytes = 1024 * 1024;

    public async ValueTask<VerificationMethodResolution> ResolveAsync(VerificationMethodRequest request, CancellationToken cancellationToken = default)
    {
        VerificationMethodResolution? callerAnswer = null;
        if (callerMethods is not null)
        {
            callerAnswer = await callerMethods.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
            if (callerAnswer.Succeeded || documents is null)
            {
                return callerAnswer;
            }
        }

        if (documents is null)
        {
            return VerificationMethodResolution.NotFound(
                DidProblem.VerificationMethodNotFound,
                $"'{JsonRead.Shorten(request.MethodId)}' is not a DID URL, and no document fetcher is configured to read it (nothing is fetched).");
        }

        var found = await FindAsync(request.MethodId, RelationshipName(request.Relationship), cancellationToken).ConfigureAwait(false);
        if (found.Key is null)
        {
            return VerificationMethodResolution.NotFound(found.Problem!, found.Detail!);
        }

        return VerificationMethodResolution.Found(found.Key, found.Controller!, found.Authorized, disposeKeyAfterUse: true);
    }

    /// <summary>A JWS key named by an HTTP(S) <c>kid</c> (or any kid the caller's resolver knows).</summary>
    public async ValueTask<JwtKeyResolution?> ResolveJwtAsync(JwtKeyRequest request, CancellationToken cancellationToken)
    {
        if (callerJwtKeys is not null)
        {
            var answer = await callerJwtKeys.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
            if (answer.Succeeded)
            {
                return answer;
            }
        }

        if (documents is null || request.KeyId is not { } kid || !IsHttpUrl(kid))
        {
            return null;
        }

        var found = await FindAsync(kid, RelationshipName(request.Relationship), cancellationToken).ConfigureAwait(false);
        if (found.Key is null)
        {
            return JwtKeyResolution.NotFound(found.Problem!, found.Detail!);
        }

        if (request.ExpectedController is { } expected && !string.Equals(expected, found.Controller, StringComparison.Ordinal))
        {
            found.Key.Dispose();
            return JwtKeyResolution.NotFound(
                DidProblem.ControllerMismatch,
                $"The key {JsonRead.Shorten(kid)} is controlled by '{JsonRead.Shorten(found.Controller)}', not by the issuer '{JsonRead.Shorten(expected)}'.");
        }

        if (found.Authorized == false)
        {
            found.Key.Dispose();
            return JwtKeyResolution.NotFound(DidProblem.VerificationMethodNotAuthorized, $"The controller document does not list {JsonRead.Shorten(kid)} for {RelationshipName(request.Relationship)}.");
        }

        // The resolver made this key; nobody else holds it. JwtVerifier never disposes resolver keys, so it is left to the GC.
        return JwtKeyResolution.Found(found.Key, kid, controllerVerified: request.ExpectedController is not null);
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private async Task<(VerificationKey? Key, string? Controller, bool? Authorized, string? Problem, string? Detail)> FindAsync(
        string methodId, string relationship, CancellationToken cancellationToken)
    {
        var hash = methodId.IndexOf('#', StringComparison.Ordinal);
        var documentUrl = hash < 0 ? methodId : methodId[..hash];
        if (!IsHttpUrl(documentUrl) || !Uri.TryCreate(documentUrl, UriKind.Absolute, out var url))
        {
            return (null, null, null, DidProblem.VerificationMethodNotFound, $"'{JsonRead.Shorten(methodId)}' is neither a DID URL nor an HTTP(S) URL.");
        }

        var fetched = await documents!.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (!fetched.Succeeded)
        {
            return (null, null, null, fetched.NotFound ? DidProblem.VerificationMethodNotFound : DidProblem.DidFetchFailed, $"The controller document {documentUrl} could not be fetched: {fetched.Error}");
        }

        if (fetched.Content.Length > MaxDocumentBytes)
        {
            return (null, null, null, DidProblem.InvalidDidDocument, $"The controller document {documentUrl} is larger than {MaxDocumentBytes} bytes.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(fetched.Content, new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return (null, null, null, DidProblem.InvalidDidDocument, $"The controller document {documentUrl} is not JSON: {e.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null, DidProblem.InvalidDidDocument, $"The controller document {documentUrl} is not a JSON object.");
            }

            var documentId = JsonRead.String(root, "id") ?? documentUrl;
            JsonElement? method = string.Equals(JsonRead.String(root, "id"), methodId, StringComparison.Ordinal) ? root : null;
            foreach (var candidate in JsonRead.Items(JsonRead.Property(root, "verificationMethod")).Concat(JsonRead.Items(JsonRead.Property(root, relationship))))
            {
                if (method is null && candidate.ValueKind == JsonValueKind.Object && Absolute(JsonRead.String(candidate, "id"), documentId) == methodId)
                {
                    method = candidate;
                }
            }

            if (method is not { } m)
            {
                return (null, null, null, DidProblem.VerificationMethodNotFound, $"{documentUrl} lists no verification method {JsonRead.Shorten(methodId)}.");
            }

            var key = ImportKey(m);
            if (!key.Succeeded)
            {
                return (null, null, null, key.Problem ?? DidProblem.InvalidPublicKey, key.Detail ?? "The verification method's key cannot be imported.");
            }

            // A document that states relationships decides; one that states none (a plain issuer profile) leaves it to the controller check.
            bool? authorized = null;
            if (JsonRead.Property(root, relationship) is { } listed)
            {
                authorized = JsonRead.Items(listed).Any(e =>
                    (e.ValueKind == JsonValueKind.String && Absolute(e.GetString(), documentId) == methodId)
                    || (e.ValueKind == JsonValueKind.Object && Absolute(JsonRead.String(e, "id"), documentId) == methodId));
            }

            var controller = JsonRead.String(m, "controller") ?? JsonRead.String(m, "owner") ?? documentId;
            return (key.Key, controller, authorized, null, null);
        }
    }

    private static KeyImportResult<VerificationKey> ImportKey(JsonElement method)
    {
        if (JsonRead.String(method, "publicKeyMultibase") is { } multibase)
        {
            return Multikey.ImportPublicKey(multibase);
        }

        if (JsonRead.Property(method, "publicKeyJwk") is { ValueKind: JsonValueKind.Object } jwkElement)
        {
            var jwk = JsonWebKey.Parse(jwkElement.GetRawText());
            return !jwk.Succeeded ? jwk.CastFailure<VerificationKey>()
                : jwk.Key.HasPrivateMembers ? KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidJwk, "The verification method publishes private key members.")
                : jwk.Key.ToVerificationKey();
        }

        return KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidJwk, "The verification method has neither publicKeyMultibase nor publicKeyJwk.");
    }

    private static string? Absolute(string? id, string documentId) =>
        id is not null && id.StartsWith('#') ? documentId + id : id;

    private static string RelationshipName(VerificationRelationship relationship) => relationship switch
    {
        VerificationRelationship.Authentication => "authentication",
        VerificationRelationship.CapabilityInvocation => "capabilityInvocation",
        VerificationRelationship.CapabilityDelegation => "capabilityDelegation",
        VerificationRelationship.KeyAgreement => "keyAgreement",
        _ => "assertionMethod",
    };
}
