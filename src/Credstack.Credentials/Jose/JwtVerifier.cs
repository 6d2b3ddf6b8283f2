// Verifying JWT-secured credentials:
// - JWS validation, RFC 7515 §5.2, with the RFC 8725 (JWT BCP) rules: the key decides the algorithm (§3.1), "none" and
//   symmetric algorithms are refused, unknown "crit" entries are refused (RFC 7515 §4.1.11), b64=false is refused (RFC 7797).
// - W3C VC-JOSE-COSE (Recommendation 2025) §3.1.1/§3.1.2: payload = the credential/presentation, typ vc+jwt / vp+jwt,
//   cty vc / vp when present, no "vc"/"vp" claims, "iss" (when present) equals issuer/holder id, credentials in a
//   presentation are EnvelopedVerifiableCredentials.
// - Open Badges 3.0 §8.2 (VC-JWT): typ JWT when present, kid or jwk, the credential in "vc", and iss/jti/sub/nbf/exp equal
//   to issuer.id/id/credentialSubject.id/validFrom/validUntil. A VC 1.1 token that moved those properties into the claims
//   (VC Data Model 1.1 §6.3.1) is completed from them.
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>
/// Verifies compact-JWS credentials and presentations (VC-JOSE-COSE and Open Badges 3.0 VC-JWT). Every outcome is a
/// <see cref="JwtVerificationResult"/>; malformed or hostile input never throws.
/// </summary>
public sealed class JwtVerifier
{
    private const long MinNumericDate = -62135596800; // 0001-01-01T00:00:00Z
    private const long MaxNumericDate = 253402300799; // 9999-12-31T23:59:59Z

    private readonly IJwtKeyResolver _keys;
    private readonly TimeProvider _time;
    private readonly JwtVerificationOptions _options;

    /// <summary>Creates a verifier that finds keys through <paramref name="keys"/>.</summary>
    public JwtVerifier(IJwtKeyResolver keys, TimeProvider? timeProvider = null, JwtVerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? new JwtVerificationOptions();
    }

    /// <summary>
    /// Verifies <paramref name="token"/> as <paramref name="profile"/> (<see cref="JwtProfile.Auto"/>: chosen from <c>typ</c>).
    /// Surrounding whitespace is ignored.
    /// </summary>
    public async Task<JwtVerificationResult> VerifyAsync(string? token, JwtProfile profile = JwtProfile.Auto, CancellationToken cancellationToken = default)
    {
        var result = new JwtVerificationResult { Profile = profile };
        if (string.IsNullOrWhiteSpace(token))
        {
            return Fail(result, JwtProblem.Malformed, "The token is empty.");
        }

        if (token.Length > _options.MaxTokenLength)
        {
            return Fail(result, JwtProblem.TooLarge, $"The token has {token.Length} characters; at most {_options.MaxTokenLength} are accepted.");
        }

        token = token.Trim();
        if (token[0] is '{' or '[')
        {
            return Fail(result, JwtProblem.Unsecured, "The input is a JSON document without integrity protection, not a JWS (VC-JOSE-COSE: unsecured claims are ignored).");
        }

        if (token.Contains('~', StringComparison.Ordinal))
        {
            return Fail(result, JwtProblem.Malformed, "The token has '~'-separated parts: SD-JWT is not supported, only compact JWS.");
        }

        var jws = CompactJws.TryParse(token, out var splitProblem);
        if (jws is null)
        {
            return Fail(result, JwtProblem.Malformed, splitProblem!);
        }

        if (ParseObject(jws.Header) is not { } header)
        {
            return Fail(result, JwtProblem.Malformed, "The protected header is not a JSON object (or repeats a member name).");
        }

        result = result with { Header = header };
        if (CheckAlgorithm(header) is { } algProblem)
        {
            return Fail(result, algProblem);
        }

        var alg = header.GetProperty("alg").GetString()!;
        if (CheckCritical(header) is { } critProblem)
        {
            return Fail(result, critProblem);
        }

        var problems = new List<JwtVerificationProblem>();
        var resolvedProfile = CheckMediaTypes(header, profile, problems);
        result = result with { Profile = resolvedProfile };

        if (ParseObject(jws.Payload) is not { } payload)
        {
            return Fail(result with { Problems = problems }, JwtProblem.PayloadInvalid, "The payload is not a JSON object (or repeats a member name).");
        }

        result = result with { Payload = payload };

        // Key discovery: kid and/or an embedded public jwk (never a private one: whoever sent it has leaked it).
        string? kid = null;
        if (header.TryGetProperty("kid", out var kidElement))
        {
            if (kidElement.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(kidElement.GetString()))
            {
                return Fail(result with { Problems = problems }, JwtProblem.Malformed, "The kid header must be a non-empty string.");
            }

            kid = kidElement.GetString();
        }

        JsonWebKey? jwk = null;
        if (header.TryGetProperty("jwk", out var jwkElement))
        {
            var parsed = jwkElement.ValueKind == JsonValueKind.Object ? JsonWebKey.Parse(jwkElement.GetRawText()) : null;
            if (parsed is null || !parsed.Succeeded)
            {
                return Fail(result with { Problems = problems }, JwtProblem.Malformed, "The jwk header is not a JSON Web Key" + (parsed is null ? "." : ": " + parsed.Detail));
            }

            if (parsed.Key.HasPrivateMembers)
            {
                return Fail(result with { Problems = problems }, JwtProblem.KeyPrivate, "The jwk header carries private key members; a private key must never be sent, so the token is refused.");
            }

            jwk = parsed.Key;
        }

        var presentation = resolvedProfile == JwtProfile.VcJosePresentation;
        var request = new JwtKeyRequest
        {
            KeyId = kid,
            Jwk = jwk,
            Algorithm = alg,
            Profile = resolvedProfile,
            ExpectedController = ExpectedController(payload, resolvedProfile),
            Relationship = presentation ? VerificationRelationship.Authentication : VerificationRelationship.AssertionMethod,
        };
        var resolution = await _keys.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        if (!resolution.Succeeded)
        {
            return Fail(result with { Problems = problems }, JwtProblem.KeyNotFound, $"{resolution.Problem}: {resolution.Detail}");
        }

        result = result with { Key = resolution.Key, KeyId = resolution.KeyId, KeyControllerVerified = resolution.ControllerVerified };

        // RFC 8725 §3.1: the resolved key fixes the algorithm; the header may only agree with it.
        if (!string.Equals(resolution.Key.JoseAlgorithm, alg, StringComparison.Ordinal))
        {
            return Fail(result with { Problems = problems }, JwtProblem.AlgorithmKeyMismatch, $"The header says {alg}, but the key is {resolution.Key.KeyType} ({resolution.Key.JoseAlgorithm}).");
        }

        if (!resolution.Key.Verify(jws.SigningInput, jws.Signature))
        {
            return Fail(result with { Problems = problems }, JwtProblem.SignatureInvalid, "The signature does not verify with the key.");
        }

        JsonElement? credential;
        List<EnvelopedCredential> enveloped = [];
        if (resolvedProfile == JwtProfile.OpenBadges)
        {
            credential = CheckOpenBadges(payload, problems);
        }
        else
        {
            credential = presentation ? CheckVcJosePresentation(payload, problems, enveloped) : CheckVcJoseCredential(payload, problems);
            _ = NumericDate(payload, "nbf", problems);
            _ = NumericDate(payload, "exp", problems);
        }

        CheckTimes(payload, problems);
        return result with { Credential = credential, EnvelopedCredentials = enveloped, Problems = problems };
    }

    private static JwtVerificationResult Fail(JwtVerificationResult result, string code, string detail) =>
        Fail(result, new JwtVerificationProblem(code, detail));

    private static JwtVerificationResult Fail(JwtVerificationResult result, JwtVerificationProblem problem) =>
        result with { Problems = [.. result.Problems, problem] };

    private static JsonElement? ParseObject(byte[] utf8)
    {
        // A string that is not UTF-8 or holds a lone surrogate escape is malformed too (System.Text.Json would throw
        // only later, when the string is read).
        if (!DataIntegrityJson.HasReadableStrings(utf8))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, CompactJws.StrictJson);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            // Not JSON (or duplicate members): the caller reports it as a malformed header or payload.
            return null;
        }
    }

    private JwtVerificationProblem? CheckAlgorithm(JsonElement header)
    {
        if (!header.TryGetProperty("alg", out var algElement) || algElement.ValueKind != JsonValueKind.String)
        {
            return new(JwtProblem.AlgorithmNotAllowed, "The header has no alg.");
        }

        var alg = algElement.GetString()!;
        if (JoseAlgorithms.IsRegisteredButUnsupported(alg))
        {
            return new(JwtProblem.AlgorithmNotSupported, $"alg {StaticJwtKeyResolver.Shorten(alg)} is a registered signature algorithm, but Credstack has no keys for it (EdDSA, ES256, ES384 and RS256 are supported).");
        }

        if (!JoseAlgorithms.Implemented.Contains(alg) || !_options.AllowedAlgorithms.Contains(alg))
        {
            return new(JwtProblem.AlgorithmNotAllowed, $"alg '{StaticJwtKeyResolver.Shorten(alg)}' is not allowed (none and symmetric algorithms never are; allowed: {string.Join(", ", _options.AllowedAlgorithms.Order(StringComparer.Ordinal))}).");
        }

        return null;
    }

    private static JwtVerificationProblem? CheckCritical(JsonElement header)
    {
        if (header.TryGetProperty("b64", out var b64) && b64.ValueKind != JsonValueKind.True)
        {
            return new(JwtProblem.UnencodedPayloadUnsupported, "Unencoded payloads (RFC 7797 b64: false) are not accepted.");
        }

        if (!header.TryGetProperty("crit", out var crit))
        {
            return null;
        }

        // RFC 7515 §4.1.11: crit is a non-empty array of names the recipient must understand; Credstack understands none.
        if (crit.ValueKind != JsonValueKind.Array || crit.GetArrayLength() == 0)
        {
            return new(JwtProblem.CriticalHeaderUnsupported, "crit must be a non-empty array of header names.");
        }

        var names = crit.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList();
        return names.Contains("b64", StringComparer.Ordinal)
            ? new(JwtProblem.UnencodedPayloadUnsupported, "crit names b64 (RFC 7797 unencoded payload), which is not accepted.")
            : new(JwtProblem.CriticalHeaderUnsupported, $"crit names extensions Credstack does not understand: {StaticJwtKeyResolver.Shorten(string.Join(", ", names))}.");
    }

    private static JwtProfile CheckMediaTypes(JsonElement header, JwtProfile profile, List<JwtVerificationProblem> problems)
    {
        string? typ = null;
        if (header.TryGetProperty("typ", out var typElement))
        {
            if (typElement.ValueKind != JsonValueKind.String)
            {
                problems.Add(new(JwtProblem.TypeInvalid, "typ must be a string."));
            }
            else
            {
                typ = MediaType(typElement.GetString()!);
            }
        }

        if (profile == JwtProfile.Auto)
        {
            profile = typ switch
            {
                "vc+jwt" => JwtProfile.VcJoseCredential,
                "vp+jwt" => JwtProfile.VcJosePresentation,
                _ => JwtProfile.OpenBadges,
            };
        }

        var (expectedTyp, expectedCty) = profile switch
        {
            JwtProfile.VcJoseCredential => ("vc+jwt", "vc"),
            JwtProfile.VcJosePresentation => ("vp+jwt", "vp"),
            _ => ("jwt", (string?)null),
        };

        if (profile == JwtProfile.OpenBadges)
        {
            // OB 3.0 §8.2.4.1: typ is optional and, when present, "JWT".
            if (typ is not null && !string.Equals(typ, expectedTyp, StringComparison.Ordinal))
            {
                problems.Add(new(JwtProblem.TypeInvalid, $"typ '{StaticJwtKeyResolver.Shorten(typ)}' is not JWT (Open Badges 3.0 VC-JWT)."));
            }

            return profile;
        }

        if (!string.Equals(typ, expectedTyp, StringComparison.Ordinal))
        {
            problems.Add(new(JwtProblem.TypeInvalid, $"typ must be {expectedTyp} (application/{expectedTyp}), not '{StaticJwtKeyResolver.Shorten(typ ?? "(absent)")}'."));
        }

        if (header.TryGetProperty("cty", out var cty)
            && (cty.ValueKind != JsonValueKind.String || !string.Equals(MediaType(cty.GetString()!), expectedCty, StringComparison.Ordinal)))
        {
            problems.Add(new(JwtProblem.ContentTypeInvalid, $"cty must be {expectedCty} when present, not {StaticJwtKeyResolver.Shorten(cty.GetRawText())}."));
        }

        return profile;
    }

    // RFC 7515 §4.1.9: "application/" may be left out of typ/cty, and media types compare case-insensitively.
    private static string MediaType(string value)
    {
        var lower = value.ToLowerInvariant();
        return lower.StartsWith("application/", StringComparison.Ordinal) ? lower["application/".Length..] : lower;
    }

    private static string? ExpectedController(JsonElement payload, JwtProfile profile) => profile switch
    {
        JwtProfile.OpenBadges => CredentialProperties.String(payload, "iss")
            ?? (payload.TryGetProperty("vc", out var vc) ? CredentialProperties.EntityId(vc, "issuer") : CredentialProperties.EntityId(payload, "issuer")),
        JwtProfile.VcJosePresentation => CredentialProperties.EntityId(payload, "holder") ?? CredentialProperties.String(payload, "iss"),
        _ => CredentialProperties.EntityId(payload, "issuer") ?? CredentialProperties.String(payload, "iss"),
    };

    private static JsonElement CheckVcJoseCredential(JsonElement payload, List<JwtVerificationProblem> problems)
    {
        ForbidVcVpClaims(payload, problems);
        if (!EnvelopedCredential.HasType(payload, "VerifiableCredential"))
        {
            problems.Add(new(JwtProblem.PayloadInvalid, "The payload's type does not include VerifiableCredential."));
        }

        CompareIss(payload, CredentialProperties.EntityId(payload, "issuer"), "issuer", problems);
        return payload;
    }

    private static JsonElement CheckVcJosePresentation(JsonElement payload, List<JwtVerificationProblem> problems, List<EnvelopedCredential> enveloped)
    {
        ForbidVcVpClaims(payload, problems);
        if (!EnvelopedCredential.HasType(payload, "VerifiablePresentation"))
        {
            problems.Add(new(JwtProblem.PayloadInvalid, "The payload's type does not include VerifiablePresentation."));
        }

        CompareIss(payload, CredentialProperties.EntityId(payload, "holder"), "holder", problems);
        if (payload.TryGetProperty("verifiableCredential", out var credentials))
        {
            var entries = credentials.ValueKind == JsonValueKind.Array ? credentials.EnumerateArray().ToList() : [credentials];
            for (var i = 0; i < entries.Count; i++)
            {
                if (EnvelopedCredential.TryRead(entries[i], out var problem) is { } item)
                {
                    enveloped.Add(item);
                }
                else
                {
                    problems.Add(new(JwtProblem.EnvelopedCredentialInvalid, $"verifiableCredential[{i}]: {problem}"));
                }
            }
        }

        return payload;
    }

    private static void ForbidVcVpClaims(JsonElement payload, List<JwtVerificationProblem> problems)
    {
        foreach (var claim in (ReadOnlySpan<string>)["vc", "vp"])
        {
            if (payload.TryGetProperty(claim, out _))
            {
                problems.Add(new(JwtProblem.ClaimForbidden, $"The '{claim}' claim must not appear in a VC-JOSE claims set (VC-JOSE-COSE §3.1)."));
            }
        }
    }

    private static void CompareIss(JsonElement payload, string? expected, string property, List<JwtVerificationProblem> problems)
    {
        if (!payload.TryGetProperty("iss", out var iss))
        {
            return;
        }

        if (iss.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(JwtProblem.ClaimInvalid, "iss must be a string."));
        }
        else if (!string.Equals(iss.GetString(), expected, StringComparison.Ordinal))
        {
            problems.Add(new(JwtProblem.ClaimMismatch, $"iss '{StaticJwtKeyResolver.Shorten(iss.GetString())}' is not the {property} id '{StaticJwtKeyResolver.Shorten(expected ?? "(absent)")}'."));
        }
    }

    private static JsonElement? CheckOpenBadges(JsonElement payload, List<JwtVerificationProblem> problems)
    {
        if (!payload.TryGetProperty("vc", out var vc) || vc.ValueKind != JsonValueKind.Object)
        {
            // OB 3.0.3 §8.2.4.2 (as the 1EdTech validator samples are made): the credential is the payload itself, with the
            // registered claims beside its properties; VC 1.1-era tokens put it in "vc".
            if (payload.TryGetProperty("vc", out _) || !EnvelopedCredential.HasType(payload, "VerifiableCredential"))
            {
                problems.Add(new(JwtProblem.ClaimMissing, "An Open Badges 3.0 VC-JWT carries the credential as its payload, or as an object in the 'vc' claim."));
                return null;
            }

            vc = payload;
        }

        JsonObject? completed = null;
        void Fill(string name, JsonNode value) => (completed ??= JsonNode.Parse(vc.GetRawText())!.AsObject())[name] = value;

        // iss = issuer.id (required).
        var iss = StringClaim(payload, "iss", problems);
        var issuerId = CredentialProperties.EntityId(vc, "issuer");
        if (iss is null)
        {
            if (!payload.TryGetProperty("iss", out _))
            {
                problems.Add(new(JwtProblem.ClaimMissing, "The iss claim (issuer id) is required."));
            }
        }
        else if (issuerId is null && !vc.TryGetProperty("issuer", out _))
        {
            Fill("issuer", JsonValue.Create(iss));
        }
        else if (!string.Equals(iss, issuerId, StringComparison.Ordinal))
        {
            problems.Add(new(JwtProblem.ClaimMismatch, $"iss '{StaticJwtKeyResolver.Shorten(iss)}' is not the credential's issuer id '{StaticJwtKeyResolver.Shorten(issuerId ?? "(none)")}'."));
        }

        // jti = id.
        var jti = StringClaim(payload, "jti", problems);
        var id = CredentialProperties.String(vc, "id");
        if (jti is not null)
        {
            if (id is null && !vc.TryGetProperty("id", out _))
            {
                Fill("id", JsonValue.Create(jti));
            }
            else if (!string.Equals(jti, id, StringComparison.Ordinal))
            {
                problems.Add(new(JwtProblem.ClaimMismatch, $"jti '{StaticJwtKeyResolver.Shorten(jti)}' is not the credential id '{StaticJwtKeyResolver.Shorten(id ?? "(not a string)")}'."));
            }
        }

        // sub = credentialSubject.id.
        var sub = StringClaim(payload, "sub", problems);
        var subjectId = CredentialProperties.SubjectId(vc);
        if (sub is not null)
        {
            if (subjectId is null && vc.TryGetProperty("credentialSubject", out var subject) && subject.ValueKind == JsonValueKind.Object && !subject.TryGetProperty("id", out _))
            {
                Fill("credentialSubject", FillSubjectId(subject, sub));
            }
            else if (!string.Equals(sub, subjectId, StringComparison.Ordinal))
            {
                problems.Add(new(JwtProblem.ClaimMismatch, $"sub '{StaticJwtKeyResolver.Shorten(sub)}' is not the credentialSubject id '{StaticJwtKeyResolver.Shorten(subjectId ?? "(none)")}'."));
            }
        }

        // nbf = validFrom (issuanceDate), exp = validUntil (expirationDate), as NumericDate seconds.
        var vc11 = CredentialProperties.IsVc11(vc);
        CompareDate(payload, "nbf", vc, "validFrom", "issuanceDate", vc11, problems, Fill);
        CompareDate(payload, "exp", vc, "validUntil", "expirationDate", vc11, problems, Fill);

        if (completed is null)
        {
            return vc;
        }

        using var document = JsonDocument.Parse(completed.ToJsonString());
        return document.RootElement.Clone();
    }

    private static JsonObject FillSubjectId(JsonElement subject, string id)
    {
        var node = JsonNode.Parse(subject.GetRawText())!.AsObject();
        node.Insert(0, "id", JsonValue.Create(id));
        return node;
    }

    private static void CompareDate(
        JsonElement payload, string claim, JsonElement vc, string name, string vc11Name, bool vc11, List<JwtVerificationProblem> problems, Action<string, JsonNode> fill)
    {
        var seconds = NumericDate(payload, claim, problems);
        if (!CredentialProperties.TryDate(vc, name, vc11Name, out var date, out var foundName))
        {
            problems.Add(new(JwtProblem.ClaimInvalid, $"The credential's {foundName} is not a date-time."));
            return;
        }

        if (seconds is null)
        {
            return;
        }

        if (date is null)
        {
            fill(vc11 ? vc11Name : name, JsonValue.Create(CredentialProperties.FormatDate(seconds.Value)));
        }
        else if (date.Value.ToUnixTimeSeconds() != seconds.Value)
        {
            problems.Add(new(JwtProblem.ClaimMismatch, $"{claim} {seconds} ({CredentialProperties.FormatDate(seconds.Value)}) is not the credential's {foundName} {date.Value.UtcDateTime:O}."));
        }
    }

    private static string? StringClaim(JsonElement payload, string claim, List<JwtVerificationProblem> problems)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(JwtProblem.ClaimInvalid, $"The {claim} claim must be a string."));
            return null;
        }

        return value.GetString();
    }

    // RFC 7519 §2: NumericDate, seconds since the epoch, possibly fractional; truncated to whole seconds here.
    private static long? NumericDate(JsonElement payload, string claim, List<JwtVerificationProblem> problems)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number)
            || number < MinNumericDate || number > MaxNumericDate)
        {
            problems.Add(new(JwtProblem.ClaimInvalid, $"The {claim} claim must be a NumericDate (seconds since 1970) between years 1 and 9999."));
            return null;
        }

        return (long)Math.Floor(number);
    }

    private void CheckTimes(JsonElement payload, List<JwtVerificationProblem> problems)
    {
        if (!_options.CheckTimes)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var ignored = new List<JwtVerificationProblem>();
        if (NumericDate(payload, "nbf", ignored) is { } nbf && DateTimeOffset.FromUnixTimeSeconds(nbf) > now + _options.ClockSkew)
        {
            problems.Add(new(JwtProblem.NotYetValid, $"The token is not valid before {CredentialProperties.FormatDate(nbf)} (now {now.UtcDateTime:O})."));
        }

        if (NumericDate(payload, "exp", ignored) is { } exp && DateTimeOffset.FromUnixTimeSeconds(exp) <= now - _options.ClockSkew)
        {
            problems.Add(new(JwtProblem.Expired, $"The token expired at {CredentialProperties.FormatDate(exp)} (now {now.UtcDateTime:O})."));
        }
    }
}
