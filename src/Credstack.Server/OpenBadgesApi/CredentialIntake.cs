// Open Badges 3.0 §6.2.3 (upsertCredential: an AchievementCredential as JSON, or a VC-JWT compact JWS as text/plain),
// §9.1 (verification: structure, then proof). Structure is checked by CredentialValidator; proofs by the library's
// DataIntegrityVerifier and JwtVerifier with did:key and header JWKs only: the server fetches nothing on behalf of
// an API client (no SSRF). A credential whose key cannot be found offline is kept as "unverified"; a proof that is
// checked and fails is refused.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Validation;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>Reads, checks and verifies the body of <c>POST /ims/ob/v3p0/credentials</c>.</summary>
internal sealed partial class CredentialIntake(TimeProvider time)
{
    private readonly DataIntegrityVerifier _dataIntegrity = new(new DidVerificationMethodResolver(new DidResolver()), time);
    private readonly JwtVerifier _jwt = new(new DidJwtKeyResolver(new DidResolver()), time);

    /// <summary>Checks <paramref name="body"/>: a JSON credential, or a compact JWS when <paramref name="isJws"/>.</summary>
    public async Task<CredentialIntakeOutcome> AcceptAsync(byte[] body, bool isJws, CancellationToken cancellationToken) =>
        isJws ? await AcceptJwsAsync(body, cancellationToken) : await AcceptJsonAsync(body, cancellationToken);

    private async Task<CredentialIntakeOutcome> AcceptJsonAsync(byte[] body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return Invalid("The request body is not valid JSON: " + exception.Message);
        }

        using (document)
        {
            if (Check(document.RootElement) is { } refusal)
            {
                return refusal;
            }

            if (!document.RootElement.TryGetProperty("proof", out _))
            {
                return Invalid("The credential has no proof. Send a credential with an embedded Data Integrity proof, or its VC-JWT compact JWS as text/plain.");
            }

            var report = await _dataIntegrity.VerifyAsync(body, cancellationToken: cancellationToken);
            var failures = report.AllProblems.Where(p => !p.IsWarning).ToList();
            if (!report.Succeeded && failures.Any(p => p.Code != DataIntegrityProblem.VerificationMethodUnresolved))
            {
                var failure = failures.First(p => p.Code != DataIntegrityProblem.VerificationMethodUnresolved);
                return Invalid($"The proof does not verify ({failure.Code}): {failure.Detail}");
            }

            return Accept(HeldCredential.Json, body, document.RootElement, report.Succeeded);
        }
    }

    private async Task<CredentialIntakeOutcome> AcceptJwsAsync(byte[] body, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body).Trim();
        }
        catch (DecoderFallbackException)
        {
            return Invalid("The body is not UTF-8 text.");
        }

        if (!CompactJwsPattern().IsMatch(token))
        {
            return Invalid("A text/plain body must be a compact JWS: three base64url parts separated by '.' (OB 3.0 §8.2).");
        }

        var result = await _jwt.VerifyAsync(token, JwtProfile.Auto, cancellationToken);
        var failures = result.Problems.Where(p => !CannotBeCheckedOffline(p)).ToList();
        if (failures.Count > 0)
        {
            return Invalid($"The VC-JWT does not verify ({failures[0].Code}): {failures[0].Detail}");
        }

        // Verified: the verifier hands back the credential. Key not found: the payload is it (OB 3.0 §8.2.4), or its "vc" claim (VC 1.1 style).
        var credential = result.Credential
            ?? (result.Payload is { } payload && payload.TryGetProperty("vc", out var vc) && vc.ValueKind == JsonValueKind.Object ? vc : result.Payload);
        if (credential is not { } element)
        {
            return Invalid("The VC-JWT payload is not a credential.");
        }

        if (Check(element) is { } refusal)
        {
            return refusal;
        }

        // A bare header jwk proves the token is intact, not who made it: verified only when the key is bound to the issuer.
        return Accept(HeldCredential.Jws, Encoding.ASCII.GetBytes(token), element, result.Succeeded && result.KeyControllerVerified);
    }

    /// <summary>
    /// A key the resolver could not look up without the network: did:web (no fetcher is configured) or a kid that
    /// is not a DID URL. JwtVerifier reports every key failure as jwt-key-not-found with the resolver's code first in
    /// the detail; a did:key that is not the issuer's (controller-mismatch) and the like are real failures.
    /// </summary>
    private static bool CannotBeCheckedOffline(JwtVerificationProblem problem) =>
        problem.Code == JwtProblem.KeyNotFound
        && (problem.Detail.StartsWith(DidProblem.UnsupportedDidMethod + ":", StringComparison.Ordinal)
            || problem.Detail.StartsWith(JwtProblem.KeyNotFound + ":", StringComparison.Ordinal));

    /// <summary>The structural check: an AchievementCredential (alias OpenBadgeCredential) that CredentialValidator accepts, with an issuer id and an id.</summary>
    private static CredentialIntakeOutcome? Check(JsonElement credential)
    {
        if (credential.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The credential must be a JSON object.");
        }

        if (!HasType(credential, "AchievementCredential") && !HasType(credential, "OpenBadgeCredential"))
        {
            return Invalid("The Open Badges API takes AchievementCredentials: 'type' must contain AchievementCredential or OpenBadgeCredential.");
        }

        var validation = CredentialValidator.ValidateAchievementCredential(credential);
        if (!validation.IsValid)
        {
            return Invalid("The credential is not a valid AchievementCredential: " + string.Join(" ", validation.Errors.Take(3).Select(e => $"{e.Path}: {e.Message}")));
        }

        if (IssuerId(credential) is null || Text(credential, "id") is null)
        {
            return Invalid("The credential needs an 'id' and an issuer with an id: they identify it when it is sent again.");
        }

        return null;
    }

    private static CredentialIntakeOutcome Accept(string format, byte[] content, JsonElement credential, bool verified) => new(
        format,
        content,
        IssuerId(credential)!,
        Text(credential, "id")!,
        Date(Text(credential, "validFrom") ?? Text(credential, "issuanceDate")),
        verified ? HeldCredential.Verified : HeldCredential.Unverified,
        0,
        null,
        null);

    private static CredentialIntakeOutcome Invalid(string description) =>
        CredentialIntakeOutcome.Refuse(StatusCodes.Status400BadRequest, ImsxStatusInfo.InvalidData, description);

    private static bool HasType(JsonElement credential, string type) =>
        credential.TryGetProperty("type", out var types)
        && (types.ValueKind == JsonValueKind.String ? types.GetString() == type
            : types.ValueKind == JsonValueKind.Array && types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == type));

    // OB 3.0 "credential equality and comparison": issuer id and credential id, trimmed.
    private static string? IssuerId(JsonElement credential) =>
        credential.TryGetProperty("issuer", out var issuer)
            ? issuer.ValueKind == JsonValueKind.String ? issuer.GetString()?.Trim() : issuer.ValueKind == JsonValueKind.Object ? Text(issuer, "id") : null
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 and <= 2000 } text ? text : null;

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    [GeneratedRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$")]
    private static partial Regex CompactJwsPattern();
}
