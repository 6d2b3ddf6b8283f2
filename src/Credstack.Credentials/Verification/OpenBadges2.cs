// Open Badges 2.0 (IMS Global, 2018) "Verification": hosted assertions are fetched from their id and must be served
// from the issuer's origin (or an origin the Issuer's verification object allows); signed assertions are JWS (RS256)
// checked with the PEM key at verification.creator, whose owner must be the issuer; revocation through the Issuer's
// revocationList. Credstack reads OB 2.0 for verification and import only. Every document comes through the caller's
// IDocumentFetcher; without one, the proof cannot be established and the assertion is not verified.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Credstack.Credentials.Model;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Verification;

/// <summary>Verifies Open Badges 2.0 hosted and signed assertions.</summary>
internal sealed class OpenBadges2(CredentialVerifier verifier, VerificationRequest request, TimeProvider clock)
{
    private const string Ob2Context = "https://w3id.org/openbadges/v2";
    private const int MaxDocumentBytes = 2 * 1024 * 1024;

    private IDocumentFetcher? Documents => verifier.Options.Documents;

    public static bool IsAssertion(JsonElement root) =>
        !JsonRead.HasType(root, "VerifiableCredential")
        && (JsonRead.Contexts(root).Any(c => c.StartsWith(Ob2Context, StringComparison.Ordinal))
            || (JsonRead.HasType(root, "Assertion") && JsonRead.Property(root, "verification") is not null));

    /// <summary>True when <paramref name="token"/> is a JWS whose payload is an OB 2.0 assertion rather than a VC.</summary>
    public static bool IsSignedAssertion(string token)
    {
        var jws = CompactJws.TryParse(token.Trim(), out _);
        if (jws is null || !DataIntegrityJson.HasReadableStrings(jws.Payload))
        {
            return false;
        }

        try
        {
            using var payload = JsonDocument.Parse(jws.Payload, CompactJws.StrictJson);
            var root = payload.RootElement;
            return root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("vc", out _) && IsAssertion(root);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public async Task VerifyHostedAsync(JsonElement assertion, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        builder.Add(VerificationCode.InputFormat, CheckStatus.Passed, "Read as an Open Badges 2.0 assertion.");
        builder.Add(VerificationCode.StructureJson, CheckStatus.Passed, "The assertion is a JSON object.");
        builder.Summary = Summarize(assertion, CredentialFormat.OpenBadges2Hosted, container, null, null);
        CheckStructure(assertion, builder);

        var type = VerificationType(assertion);
        if (type is "signed" or "signedbadge")
        {
            builder.Add(VerificationCode.ProofPresent, CheckStatus.Failed, "This assertion uses signed verification: verify the JWS it was signed as, not the bare assertion.", "$.verification.type");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (type is not ("hosted" or "hostedbadge"))
        {
            builder.Add(VerificationCode.ProofPresent, CheckStatus.Failed, $"The verification type '{JsonRead.Shorten(type)}' is neither hosted nor signed.", "$.verification.type");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        builder.Add(VerificationCode.ProofPresent, CheckStatus.Passed, "The assertion uses hosted verification: it is verified by fetching it from its id.", "$.verification");
        var id = JsonRead.String(assertion, "id");
        if (Documents is null)
        {
            builder.Add(VerificationCode.ProofHosted, CheckStatus.Skipped, "Hosted verification needs the assertion from its id, and no document fetcher is configured (nothing is fetched): the assertion cannot be verified.", "$.id");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (hosted, error) = await FetchJsonAsync(id, cancellationToken).ConfigureAwait(false);
        if (hosted is not { } served)
        {
            builder.Add(VerificationCode.ProofHosted, CheckStatus.Failed, $"The hosted assertion at {JsonRead.Shorten(id)} could not be fetched: {error}", "$.id");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!JsonNode.DeepEquals(JsonNode.Parse(served.GetRawText()), JsonNode.Parse(assertion.GetRawText())))
        {
            builder.Add(VerificationCode.ProofHosted, CheckStatus.Failed, $"The assertion served at {JsonRead.Shorten(id)} is not the one given: the copy was changed.", "$.id");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var issuer = await IssuerAsync(served, builder, cancellationToken).ConfigureAwait(false);
        if (issuer is { } profile)
        {
            CheckOrigin(id!, profile, builder);
        }

        if (JsonRead.Property(served, "revoked") is { ValueKind: JsonValueKind.True })
        {
            builder.Add(VerificationCode.StatusRevoked, CheckStatus.Failed, "The hosted assertion says it is revoked" + (JsonRead.String(served, "revocationReason") is { } reason ? ": " + reason : "."), "$.revoked");
        }

        builder.Add(VerificationCode.ProofHosted, CheckStatus.Passed, $"The assertion is served at its id {JsonRead.Shorten(id)} exactly as given.", "$.id");
        await AfterProofAsync(served, issuer, builder, cancellationToken).ConfigureAwait(false);
    }

    public async Task VerifySignedAsync(string token, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        builder.Summary = builder.Summary with { Format = CredentialFormat.OpenBadges2Signed, Container = container };
        var jws = CompactJws.TryParse(token, out var detail);
        if (jws is null)
        {
            builder.Add(VerificationCode.StructureJwt, CheckStatus.Failed, detail ?? "The token is not a compact JWS.");
            return;
        }

        using var header = TryParse(jws.Header);
        using var payload = TryParse(jws.Payload);
        if (header is null || payload is null || header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            builder.Add(VerificationCode.StructureJwt, CheckStatus.Failed, "The JWS header or payload is not a JSON object.");
            return;
        }

        var assertion = payload.RootElement;
        builder.Add(VerificationCode.InputFormat, CheckStatus.Passed, "Read as an Open Badges 2.0 signed assertion (JWS).");
        builder.Add(VerificationCode.StructureJwt, CheckStatus.Passed, "The compact JWS is well formed.");
        builder.Summary = Summarize(assertion, CredentialFormat.OpenBadges2Signed, container, null, null);
        CheckStructure(assertion, builder);
        builder.Add(VerificationCode.ProofPresent, CheckStatus.Passed, "The assertion is signed (JWS).");

        var alg = JsonRead.String(header.RootElement, "alg");
        if (!string.Equals(alg, "RS256", StringComparison.Ordinal))
        {
            builder.Add(VerificationCode.ProofFormat, CheckStatus.Failed, $"Open Badges 2.0 signed assertions use RS256, not '{JsonRead.Shorten(alg)}'.", null, JwtProblem.AlgorithmNotAllowed);
            builder.Add(VerificationCode.ProofSignature, CheckStatus.Skipped, "The signature was not checked because of the problem above.");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var creator = JsonRead.Property(assertion, "verification") is { } verification ? JsonRead.String(verification, "creator") : null;
        if (Documents is null)
        {
            builder.Add(VerificationCode.ProofVerificationMethod, CheckStatus.Skipped, "The key is at verification.creator, and no document fetcher is configured to read it (nothing is fetched).", "$.verification.creator");
            builder.Add(VerificationCode.ProofSignature, CheckStatus.Skipped, "The signature cannot be checked without the key.");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (key, owner, keyError) = await FetchKeyAsync(creator, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            builder.Add(VerificationCode.ProofVerificationMethod, CheckStatus.Failed, keyError!, "$.verification.creator");
            builder.Add(VerificationCode.ProofSignature, CheckStatus.Skipped, "The signature cannot be checked without the key.");
            await AfterProofAsync(assertion, null, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        using (key)
        {
            builder.Add(VerificationCode.ProofVerificationMethod, CheckStatus.Passed, $"The key at {JsonRead.Shorten(creator)} was read ({key.KeyType}).", "$.verification.creator");
            var issuer = await IssuerAsync(assertion, builder, cancellationToken).ConfigureAwait(false);
            if (issuer is { } profile)
            {
                var issuerId = JsonRead.String(profile, "id");
                var listed = JsonRead.Items(JsonRead.Property(profile, "publicKey")).Any(k =>
                    (k.ValueKind == JsonValueKind.String && string.Equals(k.GetString(), creator, StringComparison.Ordinal))
                    || string.Equals(JsonRead.String(k, "id"), creator, StringComparison.Ordinal));
                if (owner is null && !listed)
                {
                    builder.Add(VerificationCode.ProofController, CheckStatus.Failed, "The key names no owner and the Issuer does not list it: nothing binds it to the issuer.", "$.verification.creator");
                }
                else if (owner is not null && !string.Equals(owner, issuerId, StringComparison.Ordinal))
                {
                    builder.Add(VerificationCode.ProofController, CheckStatus.Failed, $"The key belongs to '{JsonRead.Shorten(owner)}', not to the issuer '{JsonRead.Shorten(issuerId)}'.", "$.verification.creator", Dids.DidProblem.ControllerMismatch);
                }
                else
                {
                    builder.Add(VerificationCode.ProofController, CheckStatus.Passed, $"The key belongs to the issuer {JsonRead.Shorten(issuerId)}.", "$.verification.creator");
                }
            }

            var valid = key.Verify(jws.SigningInput, jws.Signature);
            builder.Add(
                VerificationCode.ProofSignature,
                valid ? CheckStatus.Passed : CheckStatus.Failed,
                valid ? "The RS256 signature verifies." : "The signature does not verify with the key.",
                null,
                valid ? null : JwtProblem.SignatureInvalid);
            await AfterProofAsync(assertion, issuer, builder, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? VerificationType(JsonElement assertion) =>
        (JsonRead.Property(assertion, "verification") is { } verification ? JsonRead.String(verification, "type") : null)?.ToLowerInvariant();

    private static JsonDocument? TryParse(byte[] utf8)
    {
        if (!DataIntegrityJson.HasReadableStrings(utf8))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8, CompactJws.StrictJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CredentialSummary Summarize(JsonElement assertion, CredentialFormat format, CredentialContainer container, JsonElement? badge, JsonElement? issuer)
    {
        var recipient = JsonRead.Property(assertion, "recipient");
        var hashed = recipient is { } r && JsonRead.Property(r, "hashed") is { ValueKind: JsonValueKind.True };
        return new CredentialSummary
        {
            Format = format,
            Container = container,
            Id = JsonRead.String(assertion, "id"),
            Types = JsonRead.Types(assertion),
            IssuerId = issuer is { } i ? JsonRead.String(i, "id") : badge is { } b ? JsonRead.EntityId(b, "issuer") : null,
            IssuerName = issuer is { } named ? JsonRead.String(named, "name") : null,
            SubjectId = recipient is { } plain && !hashed ? JsonRead.String(plain, "identity") : null,
            AchievementName = badge is { } badgeClass ? JsonRead.String(badgeClass, "name") : JsonRead.Property(assertion, "badge") is { ValueKind: JsonValueKind.Object } embedded ? JsonRead.String(embedded, "name") : null,
            ValidFrom = JsonRead.Date(assertion, "issuedOn").Value,
            ValidUntil = JsonRead.Date(assertion, "expires").Value,
        };
    }

    private static void CheckStructure(JsonElement assertion, ReportBuilder builder)
    {
        var failures = 0;
        void Fail(string path, string problem, string message)
        {
            failures++;
            builder.Add(VerificationCode.StructureSchema, CheckStatus.Failed, message, path, problem);
        }

        if (!JsonRead.HasType(assertion, "Assertion"))
        {
            Fail("$.type", ValidationCode.MissingType, "An Open Badges 2.0 assertion has type Assertion.");
        }

        if (JsonRead.String(assertion, "id") is not { } id || !Uri.TryCreate(id, UriKind.Absolute, out _))
        {
            Fail("$.id", ValidationCode.InvalidUri, "An assertion's id must be an absolute IRI.");
        }

        if (JsonRead.Property(assertion, "recipient") is not { ValueKind: JsonValueKind.Object } recipient)
        {
            Fail("$.recipient", ValidationCode.MissingProperty, "An assertion needs a recipient object.");
        }
        else if (JsonRead.String(recipient, "identity") is null || JsonRead.String(recipient, "type") is null)
        {
            Fail("$.recipient", ValidationCode.MissingProperty, "The recipient needs an identity and a type.");
        }

        if (JsonRead.Property(assertion, "badge") is not { ValueKind: JsonValueKind.String or JsonValueKind.Object })
        {
            Fail("$.badge", ValidationCode.MissingProperty, "An assertion needs a badge (the BadgeClass or its URL).");
        }

        if (JsonRead.Property(assertion, "verification") is not { ValueKind: JsonValueKind.Object })
        {
            Fail("$.verification", ValidationCode.MissingProperty, "An assertion needs a verification object.");
        }

        if (JsonRead.Date(assertion, "issuedOn") is not (true, not null))
        {
            Fail("$.issuedOn", ValidationCode.InvalidDateTime, "An assertion needs an issuedOn date-time.");
        }

        if (failures == 0)
        {
            builder.Add(VerificationCode.StructureSchema, CheckStatus.Passed, "The assertion has the properties Open Badges 2.0 requires.");
        }
    }

    /// <summary>The Issuer profile through the BadgeClass (each a URL to fetch or an embedded object); a proof.controller failure when it cannot be read.</summary>
    private async Task<JsonElement?> IssuerAsync(JsonElement assertion, ReportBuilder builder, CancellationToken cancellationToken)
    {
        var (badge, badgeError) = await EntityAsync(JsonRead.Property(assertion, "badge"), cancellationToken).ConfigureAwait(false);
        if (badge is not { } badgeClass)
        {
            builder.Add(VerificationCode.ProofController, CheckStatus.Failed, $"The BadgeClass could not be read: {badgeError}", "$.badge");
            return null;
        }

        var (issuer, issuerError) = await EntityAsync(JsonRead.Property(badgeClass, "issuer"), cancellationToken).ConfigureAwait(false);
        builder.Summary = Summarize(assertion, builder.Summary.Format, builder.Summary.Container, badgeClass, issuer);
        if (issuer is null)
        {
            builder.Add(VerificationCode.ProofController, CheckStatus.Failed, $"The Issuer profile could not be read: {issuerError}", "$.badge.issuer");
        }

        return issuer;
    }

    private static void CheckOrigin(string assertionId, JsonElement issuer, ReportBuilder builder)
    {
        var issuerId = JsonRead.String(issuer, "id");
        if (!Uri.TryCreate(assertionId, UriKind.Absolute, out var assertionUrl))
        {
            builder.Add(VerificationCode.ProofController, CheckStatus.Failed, "The assertion id is not a URL.", "$.id");
            return;
        }

        var policy = JsonRead.Property(issuer, "verification");
        var allowedOrigins = policy is { } p ? JsonRead.Strings(JsonRead.Property(p, "allowedOrigins")) : [];
        var startsWith = policy is { } q ? JsonRead.Strings(JsonRead.Property(q, "startsWith")) : [];
        bool allowed;
        string rule;
        if (allowedOrigins.Count > 0 || startsWith.Count > 0)
        {
            allowed = (allowedOrigins.Count == 0 || allowedOrigins.Contains(assertionUrl.Authority, StringComparer.OrdinalIgnoreCase))
                && (startsWith.Count == 0 || startsWith.Any(prefix => assertionId.StartsWith(prefix, StringComparison.Ordinal)));
            rule = "the Issuer's verification policy";
        }
        else
        {
            allowed = Uri.TryCreate(issuerId, UriKind.Absolute, out var issuerUrl)
                && string.Equals(issuerUrl.Scheme, assertionUrl.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(issuerUrl.Authority, assertionUrl.Authority, StringComparison.OrdinalIgnoreCase);
            rule = $"the origin of the issuer {JsonRead.Shorten(issuerId)}";
        }

        builder.Add(
            VerificationCode.ProofController,
            allowed ? CheckStatus.Passed : CheckStatus.Failed,
            allowed ? $"The assertion is hosted where {rule} allows." : $"The assertion is hosted at {assertionUrl.Authority}, which {rule} does not allow: anyone could host it there.",
            "$.id");
    }

    private async Task AfterProofAsync(JsonElement assertion, JsonElement? issuer, ReportBuilder builder, CancellationToken cancellationToken)
    {
        builder.Add(VerificationCode.RefreshService, CheckStatus.Skipped, "Open Badges 2.0 has no refresh service.");
        await CheckRevocationListAsync(assertion, issuer, builder, cancellationToken).ConfigureAwait(false);
        var (fromFound, from) = JsonRead.Date(assertion, "issuedOn");
        var (untilFound, until) = JsonRead.Date(assertion, "expires");
        VerificationRun.CheckValidityPeriod(builder, clock.GetUtcNow(), verifier.Options.ClockSkew, fromFound, from, "issuedOn", untilFound, until, "expires");
        CheckRecipient(assertion, builder);
    }

    private async Task CheckRevocationListAsync(JsonElement assertion, JsonElement? issuer, ReportBuilder builder, CancellationToken cancellationToken)
    {
        if (builder.Any(VerificationCode.StatusRevoked, CheckStatus.Failed))
        {
            builder.Summary = builder.Summary with { Status = "revoked" };
            return;
        }

        var listUrl = issuer is { } profile ? JsonRead.String(profile, "revocationList") : null;
        if (listUrl is null)
        {
            builder.Add(VerificationCode.StatusRevoked, CheckStatus.Skipped, issuer is null ? "The Issuer profile was not read, so its revocation list is unknown." : "The Issuer publishes no revocationList.");
            return;
        }

        if (!request.CheckStatus)
        {
            builder.Add(VerificationCode.StatusUnknown, CheckStatus.Skipped, "Status was not checked (not requested).");
            builder.Summary = builder.Summary with { Status = "unknown" };
            return;
        }

        var (list, error) = await FetchJsonAsync(listUrl, cancellationToken).ConfigureAwait(false);
        if (list is not { } revocationList)
        {
            builder.Add(VerificationCode.StatusUnknown, request.StatusUnknownIsFailure ? CheckStatus.Failed : CheckStatus.Warning, $"The revocation list {JsonRead.Shorten(listUrl)} could not be read: {error}", null, "fetch-failed");
            builder.Summary = builder.Summary with { Status = "unknown" };
            return;
        }

        var id = JsonRead.String(assertion, "id");
        foreach (var entry in JsonRead.Items(JsonRead.Property(revocationList, "revokedAssertions")))
        {
            var revokedId = entry.ValueKind == JsonValueKind.String ? entry.GetString() : JsonRead.String(entry, "id") ?? JsonRead.String(entry, "uid");
            if (revokedId is not null && (string.Equals(revokedId, id, StringComparison.Ordinal) || string.Equals(revokedId, JsonRead.String(assertion, "uid"), StringComparison.Ordinal)))
            {
                var reason = JsonRead.String(entry, "revocationReason");
                builder.Add(VerificationCode.StatusRevoked, CheckStatus.Failed, $"The issuer's revocation list {JsonRead.Shorten(listUrl)} revokes the assertion" + (reason is null ? "." : ": " + reason));
                builder.Summary = builder.Summary with { Status = "revoked" };
                return;
            }
        }

        builder.Add(VerificationCode.StatusRevoked, CheckStatus.Passed, $"The issuer's revocation list {JsonRead.Shorten(listUrl)} does not list the assertion.");
        builder.Summary = builder.Summary with { Status = "valid" };
    }

    private void CheckRecipient(JsonElement assertion, ReportBuilder builder)
    {
        if (request.ExpectedRecipient is not { } expected)
        {
            builder.Add(VerificationCode.RecipientMismatch, CheckStatus.Skipped, "No expected recipient was given.");
            return;
        }

        var recipient = JsonRead.Property(assertion, "recipient");
        if (recipient is not { } r || JsonRead.String(r, "identity") is not { } identity)
        {
            builder.Add(VerificationCode.RecipientMismatch, CheckStatus.Failed, "The assertion names no recipient identity.", "$.recipient");
            return;
        }

        var type = JsonRead.String(r, "type") ?? "email";
        var identityObject = new IdentityObject
        {
            Hashed = JsonRead.Property(r, "hashed") is { ValueKind: JsonValueKind.True },
            IdentityHash = identity,
            IdentityType = string.Equals(type, "email", StringComparison.OrdinalIgnoreCase) ? IdentifierType.EmailAddress : type,
            Salt = JsonRead.String(r, "salt"),
        };
        var matches = ExpectedRecipient.Parse(expected).Matches(identityObject);
        builder.Add(
            VerificationCode.RecipientMismatch,
            matches ? CheckStatus.Passed : CheckStatus.Failed,
            matches ? $"The assertion's recipient is {JsonRead.Shorten(expected)} ({type}{(identityObject.Hashed ? ", salted hash" : "")})." : $"The assertion is not about {JsonRead.Shorten(expected)}.",
            "$.recipient");
    }

    private async Task<(JsonElement? Value, string? Error)> EntityAsync(JsonElement? reference, CancellationToken cancellationToken) => reference switch
    {
        { ValueKind: JsonValueKind.Object } embedded => (embedded, null),
        { ValueKind: JsonValueKind.String } url => await FetchJsonAsync(url.GetString(), cancellationToken).ConfigureAwait(false),
        _ => (null, "it is neither an object nor a URL."),
    };

    private async Task<(JsonElement? Value, string? Error)> FetchJsonAsync(string? url, CancellationToken cancellationToken)
    {
        if (Documents is null)
        {
            return (null, "no document fetcher is configured (nothing is fetched).");
        }

        var (content, error) = await FetchAsync(url, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return (null, error);
        }

        try
        {
            using var document = JsonDocument.Parse(content.Value, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, $"{JsonRead.Shorten(url)} is not a JSON object.");
        }
        catch (JsonException e)
        {
            return (null, $"{JsonRead.Shorten(url)} is not JSON: {e.Message}");
        }
    }

    private async Task<(ReadOnlyMemory<byte>? Content, string? Error)> FetchAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !DocumentKeyResolver.IsHttpUrl(url))
        {
            return (null, $"'{JsonRead.Shorten(url)}' is not an http(s) URL.");
        }

        var fetched = await Documents!.FetchAsync(uri, cancellationToken).ConfigureAwait(false);
        if (!fetched.Succeeded)
        {
            return (null, fetched.Error);
        }

        return fetched.Content.Length > MaxDocumentBytes ? (null, $"{url} is larger than {MaxDocumentBytes} bytes.") : (fetched.Content, null);
    }

    /// <summary>The RSA key at <c>verification.creator</c>: a CryptographicKey document (<c>publicKeyPem</c>, <c>owner</c>) or bare PEM.</summary>
    private async Task<(VerificationKey? Key, string? Owner, string? Error)> FetchKeyAsync(string? creator, CancellationToken cancellationToken)
    {
        var (content, error) = await FetchAsync(creator, cancellationToken).ConfigureAwait(false);
        if (content is not { } bytes)
        {
            return (null, null, $"The key at verification.creator could not be read: {error}");
        }

        string pem;
        string? owner = null;
        var text = Encoding.UTF8.GetString(bytes.Span).Trim();
        if (text.StartsWith('{'))
        {
            var (document, jsonError) = await FetchJsonAsync(creator, cancellationToken).ConfigureAwait(false);
            if (document is not { } key || JsonRead.String(key, "publicKeyPem") is not { } keyPem)
            {
                return (null, null, $"The CryptographicKey at {JsonRead.Shorten(creator)} has no publicKeyPem{(jsonError is null ? "." : ": " + jsonError)}");
            }

            pem = keyPem;
            owner = JsonRead.String(key, "owner");
        }
        else
        {
            pem = text;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var parameters = rsa.ExportParameters(includePrivateParameters: false);
            var imported = RsaVerificationKey.ImportParameters(parameters.Modulus, parameters.Exponent);
            return imported.Succeeded ? (imported.Key, owner, null) : (null, null, $"The key at {JsonRead.Shorten(creator)} is not usable: {imported.Detail}");
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return (null, null, $"The key at {JsonRead.Shorten(creator)} is not an RSA public key in PEM: {e.Message}");
        }
    }
}
