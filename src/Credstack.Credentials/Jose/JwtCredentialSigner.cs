// Issuing JWT-secured credentials:
// - W3C VC-JOSE-COSE (Recommendation 2025) §3.1.1/§3.1.2: the payload is the credential (presentation) JSON exactly as
//   given, protected header {"alg","kid","typ":"vc+jwt"|"vp+jwt","cty":"vc"|"vp"}; media type application/vc+jwt.
// - Open Badges 3.0 §8.2.4 (VC-JWT): header {"alg","typ":"JWT","kid"|"jwk"}, claims iss = issuer.id, jti = id,
//   sub = credentialSubject.id, nbf = validFrom, exp = validUntil, and the credential (exact bytes) in "vc".
// Header and payload bytes are deterministic for a given input and key id.
using System.Buffers;
using System.Text.Json;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>Secures credentials and presentations as compact JWS. Refusals are values (<see cref="JwtSigningResult"/>).</summary>
public static class JwtCredentialSigner
{
    /// <summary>The media type of a VC-JOSE secured credential.</summary>
    public const string CredentialMediaType = "application/vc+jwt";

    /// <summary>The media type of a VC-JOSE secured presentation.</summary>
    public const string PresentationMediaType = "application/vp+jwt";

    /// <summary>
    /// Secures a credential as VC-JOSE: the payload is exactly <paramref name="credentialUtf8"/>. Refuses a document that
    /// is not a JSON object typed VerifiableCredential, or that holds <c>vc</c>/<c>vp</c> members.
    /// </summary>
    /// <param name="credentialUtf8">The credential's UTF-8 JSON, without a proof.</param>
    /// <param name="key">The issuer's key; its type fixes <c>alg</c>.</param>
    /// <param name="keyId">The <c>kid</c> (a DID URL or verification method id), or null to leave it out.</param>
    public static JwtSigningResult SignCredential(ReadOnlySpan<byte> credentialUtf8, SigningKey key, string? keyId) =>
        SignVcJose(credentialUtf8, key, keyId, presentation: false);

    /// <summary>
    /// Secures a presentation as VC-JOSE (<c>vp+jwt</c>); every credential in it must be an EnvelopedVerifiableCredential.
    /// </summary>
    public static JwtSigningResult SignPresentation(ReadOnlySpan<byte> presentationUtf8, SigningKey key, string? keyId) =>
        SignVcJose(presentationUtf8, key, keyId, presentation: true);

    /// <summary>
    /// Secures an Open Badges 3.0 credential as a VC-JWT. The claims are taken from the credential; the key is named by
    /// <paramref name="keyId"/> and/or embedded as a public <c>jwk</c> (<paramref name="embedPublicJwk"/>); at least one is needed.
    /// </summary>
    public static JwtSigningResult SignOpenBadges(ReadOnlySpan<byte> credentialUtf8, SigningKey key, string? keyId, bool embedPublicJwk = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(keyId) && !embedPublicJwk)
        {
            return JwtSigningResult.Failure(JwtProblem.IssuanceRefused, "An Open Badges VC-JWT names its key with kid or embeds it as jwk; give a key id or embed the public key.");
        }

        using var document = Parse(credentialUtf8, out var parseProblem);
        if (document is null)
        {
            return JwtSigningResult.Failure(JwtProblem.PayloadInvalid, parseProblem!);
        }

        var credential = document.RootElement;
        if (credential.TryGetProperty("vc", out _) || credential.TryGetProperty("proof", out _))
        {
            return JwtSigningResult.Failure(JwtProblem.PayloadInvalid, "Give the unsecured credential: it must not already hold 'vc' or 'proof'.");
        }

        var issuer = CredentialProperties.EntityId(credential, "issuer");
        if (issuer is null)
        {
            return JwtSigningResult.Failure(JwtProblem.PayloadInvalid, "The credential has no issuer id (needed for the iss claim).");
        }

        if (!CredentialProperties.TryDate(credential, "validFrom", "issuanceDate", out var validFrom, out _)
            || !CredentialProperties.TryDate(credential, "validUntil", "expirationDate", out var validUntil, out _))
        {
            return JwtSigningResult.Failure(JwtProblem.ClaimInvalid, "validFrom/validUntil must be date-times.");
        }

        if (validFrom is null)
        {
            return JwtSigningResult.Failure(JwtProblem.PayloadInvalid, "The credential has no validFrom (needed for the nbf claim).");
        }

        var header = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(header, CompactJws.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", key.JoseAlgorithm);
            writer.WriteString("typ", "JWT");
            if (!string.IsNullOrEmpty(keyId))
            {
                writer.WriteString("kid", keyId);
            }

            if (embedPublicJwk)
            {
                writer.WritePropertyName("jwk");
                writer.WriteRawValue(key.PublicKey.ExportJwk().ToJson());
            }

            writer.WriteEndObject();
        }

        var payload = new ArrayBufferWriter<byte>(credentialUtf8.Length + 512);
        using (var writer = new Utf8JsonWriter(payload, CompactJws.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", issuer);
            if (CredentialProperties.String(credential, "id") is { } id)
            {
                writer.WriteString("jti", id);
            }

            if (CredentialProperties.SubjectId(credential) is { } subject)
            {
                writer.WriteString("sub", subject);
            }

            writer.WriteNumber("nbf", validFrom.Value.ToUnixTimeSeconds());
            if (validUntil is { } until)
            {
                writer.WriteNumber("exp", until.ToUnixTimeSeconds());
            }

            writer.WritePropertyName("vc");
            writer.WriteRawValue(credentialUtf8, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return JwtSigningResult.Success(CompactJws.Sign(header.WrittenSpan, payload.WrittenSpan, key));
    }

    private static JwtSigningResult SignVcJose(ReadOnlySpan<byte> documentUtf8, SigningKey key, string? keyId, bool presentation)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var document = Parse(documentUtf8, out var parseProblem);
        if (document is null)
        {
            return JwtSigningResult.Failure(JwtProblem.PayloadInvalid, parseProblem!);
        }

        var root = document.RootElement;
        if (root.TryGetProperty("vc", out _) || root.TryGetProperty("vp", out _))
        {
            return JwtSigningResult.Failure(JwtProblem.ClaimForbidden, "VC-JOSE claims sets must not hold 'vc' or 'vp' (VC-JOSE-COSE §3.1).");
        }

        var type = presentation ? "VerifiablePresentation" : "VerifiableCredential";
        if (!EnvelopedCredential.HasType(root, type))
        {
            return JwtSigningResult.Failure(JwtProblem.PayloadInvalid, $"The document's type does not include {type}.");
        }

        if (presentation && root.TryGetProperty("verifiableCredential", out var credentials))
        {
            var entries = credentials.ValueKind == JsonValueKind.Array ? credentials.EnumerateArray().ToList() : [credentials];
            for (var i = 0; i < entries.Count; i++)
            {
                if (EnvelopedCredential.TryRead(entries[i], out var problem) is null)
                {
                    return JwtSigningResult.Failure(JwtProblem.EnvelopedCredentialInvalid, $"verifiableCredential[{i}]: {problem}");
                }
            }
        }

        var header = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(header, CompactJws.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", key.JoseAlgorithm);
            if (!string.IsNullOrEmpty(keyId))
            {
                writer.WriteString("kid", keyId);
            }

            writer.WriteString("typ", presentation ? "vp+jwt" : "vc+jwt");
            writer.WriteString("cty", presentation ? "vp" : "vc");
            writer.WriteEndObject();
        }

        return JwtSigningResult.Success(CompactJws.Sign(header.WrittenSpan, documentUtf8, key));
    }

    private static JsonDocument? Parse(ReadOnlySpan<byte> utf8, out string? problem)
    {
        // The bytes become the payload (or the "vc" value) as they are; a byte-order mark would make that invalid JSON.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            problem = "The document starts with a byte-order mark; give the JSON without it.";
            return null;
        }

        try
        {
            // The verifier refuses duplicate member names, so the signer must not secure a document that has them.
            var document = JsonDocument.Parse(utf8.ToArray(), CompactJws.StrictJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                problem = "The document is not a JSON object.";
                return null;
            }

            problem = null;
            return document;
        }
        catch (JsonException exception)
        {
            problem = "The document is not valid JSON: " + exception.Message;
            return null;
        }
    }
}
