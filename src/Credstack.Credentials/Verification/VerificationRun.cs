using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Baking;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Jose;
using Credstack.JsonLd;

namespace Credstack.Credentials.Verification;

/// <summary>
/// One verification: detects the input's form, runs the steps in order, and nests runs for embedded credentials.
/// <paramref name="holderClaim"/>: the run is for a credential in a presentation that has no proof of its own, secured only
/// by the presentation's proof (checked by the presentation's run), so a missing proof is not this run's failure.
/// </summary>
internal sealed partial class VerificationRun(CredentialVerifier verifier, VerificationRequest request, DateTimeOffset now, int depth, bool holderClaim = false)
{
    private static readonly string[] JwtClaims = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "cnf", "vc", "vp"];

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private CredentialVerifierOptions Options => verifier.Options;

    private TimeProvider Clock { get; } = new FixedClock(now);

    public static VerificationReport InternalError(Exception e)
    {
        var builder = new ReportBuilder();
        builder.Add(VerificationCode.VerifierInternalError, CheckStatus.Failed, $"The verifier failed unexpectedly ({e.GetType().Name}: {JsonRead.Shorten(e.Message)}); the credential is not verified.");
        builder.Summary = new CredentialSummary();
        return builder.Build();
    }

    public async Task<VerificationReport> VerifyInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var builder = new ReportBuilder();
        await VerifyInputAsync(input, CredentialContainer.None, builder, followUrl: true, cancellationToken).ConfigureAwait(false);
        return builder.Build();
    }

    private async Task VerifyInputAsync(ReadOnlyMemory<byte> input, CredentialContainer container, ReportBuilder builder, bool followUrl, CancellationToken cancellationToken)
    {
        builder.Summary = builder.Summary with { Container = container };
        if (input.Length > Options.MaxInputBytes)
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, $"The input is {input.Length} bytes, more than the limit of {Options.MaxInputBytes}.");
            return;
        }

        var span = input.Span;
        if (span.StartsWith(PngSignature))
        {
            await VerifyBakedAsync(PngBaker.Unbake(span, Options.Baking), CredentialContainer.Png, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var start = 0;
        if (span.StartsWith("\uFEFF"u8))
        {
            start = 3;
        }

        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == span.Length)
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, "The input is empty.");
            return;
        }

        var trimmed = input[start..];
        switch (span[start])
        {
            case (byte)'{':
                await VerifyJsonAsync(trimmed, container, builder, cancellationToken).ConfigureAwait(false);
                return;
            case (byte)'<':
                await VerifyBakedAsync(SvgBaker.Unbake(span, Options.Baking), CredentialContainer.Svg, builder, cancellationToken).ConfigureAwait(false);
                return;
            case (byte)'"':
                if (ParseJson(trimmed, builder) is { } holder)
                {
                    using (holder)
                    {
                        if (holder.RootElement.ValueKind == JsonValueKind.String)
                        {
                            await VerifyTextAsync(holder.RootElement.GetString()!, container, builder, followUrl, cancellationToken).ConfigureAwait(false);
                            return;
                        }
                    }
                }

                return;
            case (byte)'[':
                builder.Add(VerificationCode.StructureJson, CheckStatus.Failed, "The input is a JSON array; a credential is a JSON object (verify each item separately).");
                return;
            default:
                string text;
                try
                {
                    text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(trimmed.Span);
                }
                catch (DecoderFallbackException)
                {
                    builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, "The input is neither a PNG image nor UTF-8 text.");
                    return;
                }

                await VerifyTextAsync(text, container, builder, followUrl, cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private async Task VerifyTextAsync(string text, CredentialContainer container, ReportBuilder builder, bool followUrl, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.StartsWith('{'))
        {
            await VerifyJsonAsync(Encoding.UTF8.GetBytes(text), container, builder, cancellationToken).ConfigureAwait(false);
        }
        else if (text.StartsWith("data:", StringComparison.Ordinal))
        {
            await VerifyDataUrlAsync(text, builder, cancellationToken).ConfigureAwait(false);
        }
        else if (followUrl && DocumentKeyResolver.IsHttpUrl(text))
        {
            await VerifyUrlAsync(text, container, builder, cancellationToken).ConfigureAwait(false);
        }
        else if (text.Contains('.', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal))
        {
            await VerifyJwtAsync(text, container, builder, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, "The input is neither a JSON credential, a compact JWS, a data: URL, an http(s) URL nor a baked PNG/SVG image.");
        }
    }

    private async Task VerifyBakedAsync(UnbakeResult unbaked, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        builder.Summary = builder.Summary with { Container = container };
        var image = container == CredentialContainer.Png ? "PNG" : "SVG";
        if (unbaked.Status != UnbakeStatus.Found)
        {
            builder.Add(
                VerificationCode.InputImage,
                CheckStatus.Failed,
                unbaked.Status == UnbakeStatus.NotBaked ? $"The {image} image holds no baked credential." : $"The {image} image cannot be read: {unbaked.Reason}");
            return;
        }

        builder.Add(VerificationCode.InputImage, CheckStatus.Passed, $"A credential ({unbaked.PayloadKind}, {unbaked.Format}) was baked in the {image} image.");
        var payload = unbaked.Payload!;
        await VerifyTextAsync(payload, container, builder, followUrl: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task VerifyUrlAsync(string url, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        if (Options.Documents is null)
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, $"The input is the URL {JsonRead.Shorten(url)}; no document fetcher is configured to read it (nothing is fetched).");
            return;
        }

        var fetched = await Options.Documents.FetchAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
        if (!fetched.Succeeded)
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, $"The credential at {JsonRead.Shorten(url)} could not be fetched: {fetched.Error}");
            return;
        }

        builder.Add(VerificationCode.InputFormat, CheckStatus.Passed, $"The credential was read from {JsonRead.Shorten(url)}.");
        await VerifyInputAsync(fetched.Content, container, builder, followUrl: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task VerifyDataUrlAsync(string url, ReportBuilder builder, CancellationToken cancellationToken)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        var header = comma < 0 ? url[5..] : url[5..comma];
        var mediaType = header.Split(';')[0];
        if (comma < 0 || comma == url.Length - 1)
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, "The data: URL has no content.");
            return;
        }

        if (!string.Equals(mediaType, "application/vc+jwt", StringComparison.Ordinal) && !string.Equals(mediaType, "application/jwt", StringComparison.Ordinal))
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, $"The data: URL holds '{JsonRead.Shorten(mediaType)}'; only application/vc+jwt enveloped credentials are verified (SD-JWT and COSE are not supported).");
            return;
        }

        await VerifyJwtAsync(url[(comma + 1)..], CredentialContainer.DataUrl, builder, cancellationToken).ConfigureAwait(false);
    }

    private JsonDocument? ParseJson(ReadOnlyMemory<byte> json, ReportBuilder builder)
    {
        try
        {
            var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = Options.MaxJsonDepth, AllowDuplicateProperties = false });

            // JsonDocument checks string contents only when a string is read; refuse invalid UTF-8 and lone surrogates
            // here, once, so no later step meets them as an exception.
            if (!DataIntegrityJson.HasReadableStrings(json.Span))
            {
                document.Dispose();
                builder.Add(VerificationCode.StructureJson, CheckStatus.Failed, "The input has a string that is not valid UTF-8 or holds a lone UTF-16 surrogate escape.", problem: "json-invalid");
                return null;
            }

            return document;
        }
        catch (JsonException e)
        {
            builder.Add(VerificationCode.StructureJson, CheckStatus.Failed, $"The input is not valid JSON (or repeats a member name, or nests deeper than {Options.MaxJsonDepth}): {e.Message}", problem: "json-invalid");
            return null;
        }
    }

    private async Task VerifyJsonAsync(ReadOnlyMemory<byte> json, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        using var document = ParseJson(json, builder);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            builder.Add(VerificationCode.StructureJson, CheckStatus.Failed, $"The input is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.", "$", "json-invalid");
            return;
        }

        if (JsonRead.HasType(root, "EnvelopedVerifiableCredential"))
        {
            if (EnvelopedCredential.TryRead(root, out var problem) is not { } enveloped)
            {
                builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, problem ?? "The EnvelopedVerifiableCredential cannot be read.", "$.id");
                return;
            }

            await VerifyDataUrlAsync(JsonRead.String(root, "id")!, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (IsPresentation(root))
        {
            await VerifyPresentationAsync(json, root, container, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (JsonRead.HasType(root, "EnvelopedVerifiablePresentation"))
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Failed, "The input is an EnvelopedVerifiablePresentation; enveloped presentations (VC-JOSE vp+jwt, SD-JWT, COSE) are not supported yet: send the presentation itself.", "$.type");
            return;
        }

        if (OpenBadges2.IsAssertion(root))
        {
            await new OpenBadges2(verifier, request, Clock).VerifyHostedAsync(root, container, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        await VerifyDataIntegrityAsync(json, root, container, builder, cancellationToken).ConfigureAwait(false);
    }

    private async Task VerifyDataIntegrityAsync(ReadOnlyMemory<byte> json, JsonElement root, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        builder.Add(VerificationCode.InputFormat, CheckStatus.Passed, "Read as a JSON-LD verifiable credential" + (JsonRead.DataModel(root) is { } model ? $" (VC Data Model {model})." : "."));
        builder.Summary = Summarize(root, CredentialFormat.DataIntegrity, container);
        builder.Add(VerificationCode.StructureJson, CheckStatus.Passed, "The credential is a JSON object.");
        CheckStructure(root, builder);

        var jsonLdChecked = false;
        if (!root.TryGetProperty("proof", out _) && holderClaim)
        {
            builder.Add(VerificationCode.ProofPresent, CheckStatus.Skipped, "The credential has no proof of its own: it is a holder claim, secured only by the presentation's proof (see the presentation's report).", "$");
        }
        else if (!root.TryGetProperty("proof", out _))
        {
            builder.Add(VerificationCode.ProofPresent, CheckStatus.Failed, "The credential has no proof: it is not verifiable.", "$", DataIntegrityProblem.ProofMissing);
        }
        else
        {
            var options = new DataIntegrityVerificationOptions
            {
                ExpectedProofPurpose = request.ExpectedProofPurpose,
                ExpectedDomain = request.ExpectedDomain,
                ExpectedChallenge = request.ExpectedChallenge,
                RequireIssuerControl = Options.RequireIssuerControl,
            };
            var report = await new DataIntegrityVerifier(verifier.Methods, Clock, Options.JsonLd).VerifyAsync(json, options, cancellationToken).ConfigureAwait(false);
            if (report.AllProblems.Any(IsSafeModeRefusal) && SafeModeProbe.OnlyToleratedSchemaTypes(root, Options) is { } tolerated)
            {
                report = await new DataIntegrityVerifier(verifier.Methods, Clock, Options.JsonLd, safeMode: false).VerifyAsync(json, options, cancellationToken).ConfigureAwait(false);
                builder.Add(tolerated);
                jsonLdChecked = true;
            }

            jsonLdChecked |= ProofChecks.AddDataIntegrity(report, root, builder);
        }

        if (!jsonLdChecked)
        {
            CheckSafeMode(root, builder);
        }

        await AfterProofAsync(root, null, builder, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsSafeModeRefusal(DataIntegrityVerificationProblem problem) =>
        problem.Code == DataIntegrityProblem.CanonicalizationFailed && problem.Detail.StartsWith(JsonLdErrorCode.SafeModeDroppedTerm, StringComparison.Ordinal);

    /// <summary>structure.jsonld for credentials whose proof did not canonicalize them (JWT, JCS suites, no proof, an early proof failure).</summary>
    internal void CheckSafeMode(JsonElement credential, ReportBuilder builder, bool jwtPayload = false)
    {
        try
        {
            // The proof is checked by the proof step (its configuration is canonicalized with it), and registered JWT claims
            // beside a credential payload are JOSE's, not JSON-LD terms; here the credential itself.
            var strip = jwtPayload ? JwtClaims.Where(c => credential.TryGetProperty(c, out _)).ToList() : [];
            if (credential.TryGetProperty("proof", out _))
            {
                strip.Add("proof");
            }

            if (strip.Count > 0 && JsonNode.Parse(credential.GetRawText()) is JsonObject unsecured)
            {
                foreach (var name in strip)
                {
                    unsecured.Remove(name);
                }

                using var copy = JsonDocument.Parse(unsecured.ToJsonString());
                _ = JsonLdProcessor.ToRdf(copy.RootElement, verifier.SafeJsonLd);
            }
            else
            {
                _ = JsonLdProcessor.ToRdf(credential, verifier.SafeJsonLd);
            }

            builder.Add(VerificationCode.StructureJsonLd, CheckStatus.Passed, "Every term is defined by the credential's contexts (JSON-LD safe mode).");
        }
        catch (JsonLdException e) when (e.Code == JsonLdErrorCode.SafeModeDroppedTerm && SafeModeProbe.OnlyToleratedSchemaTypes(credential, Options) is { } tolerated)
        {
            builder.Add(tolerated);
        }
        catch (JsonLdException e)
        {
            builder.Add(VerificationCode.StructureJsonLd, CheckStatus.Failed, $"JSON-LD processing refused the credential: {e.Message}", problem: e.Code);
        }
    }

    private async Task VerifyJwtAsync(string token, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        builder.Summary = builder.Summary with { Container = container };
        if (OpenBadges2.IsSignedAssertion(token))
        {
            await new OpenBadges2(verifier, request, Clock).VerifySignedAsync(token.Trim(), container, builder, cancellationToken).ConfigureAwait(false);
            return;
        }

        var jwt = new JwtVerifier(verifier.JwtKeys, Clock, new JwtVerificationOptions { CheckTimes = false });
        var result = await jwt.VerifyAsync(token, JwtProfile.Auto, cancellationToken).ConfigureAwait(false);
        var format = result.Profile is JwtProfile.VcJoseCredential or JwtProfile.VcJosePresentation ? CredentialFormat.VcJose : CredentialFormat.OpenBadgesJwt;
        JsonElement? credential = result.Credential
            ?? (result.Payload is { } payload
                ? format == CredentialFormat.OpenBadgesJwt ? JsonRead.Property(payload, "vc") ?? (JsonRead.HasType(payload, "VerifiableCredential") ? payload : null) : payload
                : null);
        if (credential is { ValueKind: not JsonValueKind.Object })
        {
            credential = null;
        }

        builder.Summary = credential is { } c ? Summarize(c, format, container) : builder.Summary with { Format = format };
        if (result.Header is not null)
        {
            builder.Add(VerificationCode.InputFormat, CheckStatus.Passed, format == CredentialFormat.VcJose ? "Read as a VC-JOSE compact JWS (vc+jwt)." : "Read as an Open Badges VC-JWT compact JWS.");
            builder.Add(VerificationCode.ProofPresent, CheckStatus.Passed, $"The credential is secured as a compact JWS ({JsonRead.String(result.Header.Value, "alg")}).");
        }

        ProofChecks.AddJwt(result, builder);
        if (credential is { } verifiedCredential)
        {
            CheckStructure(verifiedCredential, builder);
            CheckSafeMode(verifiedCredential, builder, jwtPayload: format == CredentialFormat.VcJose || (result.Payload is { } p && JsonRead.Property(p, "vc") is null));
            await AfterProofAsync(verifiedCredential, result.Payload, builder, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A run for a credential inside this one (no recipient: an endorsement or a CLR part is about someone else).</summary>
    internal VerificationRun Nested() => new(verifier, request with { ExpectedRecipient = null }, now, depth + 1);

    internal int Depth => depth;

    internal DateTimeOffset Now => now;
}
