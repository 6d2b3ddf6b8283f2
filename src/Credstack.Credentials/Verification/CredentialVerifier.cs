// The one verifier: Open Badges 3.0 §8.1 "Verification" and CLR 2.0 verification, VC Data Model 2.0 §7.1, for every input
// form Credstack reads (JSON-LD VC 2.0 / 1.1 with Data Integrity proofs, OB 3.0 VC-JWT and VC-JOSE compact JWS,
// EnvelopedVerifiableCredential data: URLs, baked PNG/SVG, Open Badges 2.0 hosted and signed assertions), and VC Data
// Model 2.0 §4.13 verifiable presentations (the holder's proof, then each presented credential). Steps, in the
// order of /work/shared/conformance/CHECKLIST.md §3: structure, proof, refresh, status, validity period, recipient,
// endorsements (then a CLR's or a presentation's embedded credentials). See docs/verification.md.
using System.Text;
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Status;
using Credstack.JsonLd;

namespace Credstack.Credentials.Verification;

/// <summary>
/// Verifies any credential Credstack reads and says exactly which check passed or failed and why. Thread-safe; reuse one
/// instance. Never throws on bad input and never fetches anything except through the seams in
/// <see cref="CredentialVerifierOptions"/>: every outcome, including unreadable input, is a <see cref="VerificationReport"/>.
/// </summary>
public sealed class CredentialVerifier
{
    private readonly StatusListChecker? _statusChecker;

    /// <summary>Creates a verifier with <paramref name="options"/> (default: <see cref="CredentialVerifierOptions.Default"/>).</summary>
    public CredentialVerifier(CredentialVerifierOptions? options = null)
    {
        Options = options ?? CredentialVerifierOptions.Default;
        Dids = Options.Dids ?? new DidResolver(Options.Documents is { } documents ? new DidWebResolver(new DocumentDidWebFetcher(documents), Options.TimeProvider) : null);
        DocumentKeys = new DocumentKeyResolver(Options.VerificationMethods, Options.JwtKeys, Options.Documents);
        Methods = new BareDidKeyResolver(new DidVerificationMethodResolver(Dids, DocumentKeys));
        SafeJsonLd = Options.JsonLd with { SafeMode = true };
        JwtKeys = new VerifierJwtKeyResolver(new DidJwtKeyResolver(Dids) { TrustHeaderJwk = Options.TrustHeaderJwk }, DocumentKeys);
        StatusFetcher = Options.StatusLists ?? (Options.Documents is { } fetcher ? new DocumentStatusListFetcher(fetcher) : null);
        if (StatusFetcher is not null)
        {
            _statusChecker = CreateStatusChecker(Options.TimeProvider);
        }
    }

    /// <summary>The configuration this verifier uses.</summary>
    public CredentialVerifierOptions Options { get; }

    internal DidResolver Dids { get; }

    internal DocumentKeyResolver DocumentKeys { get; }

    internal IVerificationMethodResolver Methods { get; }

    internal IJwtKeyResolver JwtKeys { get; }

    internal JsonLdOptions SafeJsonLd { get; }

    internal IStatusListFetcher? StatusFetcher { get; }

    /// <summary>
    /// Verifies <paramref name="input"/>: UTF-8 JSON (a credential, a verifiable presentation, an EnvelopedVerifiableCredential,
    /// an OB 2.0 assertion, or a JSON string holding a compact JWS), a compact JWS, a <c>data:application/vc+jwt,…</c> URL, or a baked PNG or SVG.
    /// The format is detected from the content.
    /// </summary>
    public async Task<VerificationReport> VerifyAsync(ReadOnlyMemory<byte> input, VerificationRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= VerificationRequest.Default;
        var run = new VerificationRun(this, request, request.Now ?? Options.TimeProvider.GetUtcNow(), depth: 0);
        try
        {
            return await run.VerifyInputAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The verifier's contract is a report for every input; an exception here is a bug, reported as a failed check.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return VerificationRun.InternalError(e);
        }
    }

    /// <summary>Verifies a credential given as text (JSON, a compact JWS, or a data: URL).</summary>
    public Task<VerificationReport> VerifyAsync(string input, VerificationRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return VerifyAsync(Encoding.UTF8.GetBytes(input), request, cancellationToken);
    }

    /// <summary>Verifies a credential given as parsed JSON (an object, or a string holding a compact JWS).</summary>
    public Task<VerificationReport> VerifyAsync(JsonElement credential, VerificationRequest? request = null, CancellationToken cancellationToken = default) =>
        credential.ValueKind == JsonValueKind.String
            ? VerifyAsync(credential.GetString()!, request, cancellationToken)
            : VerifyAsync(credential.ValueKind == JsonValueKind.Undefined ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(credential.GetRawText()), request, cancellationToken);

    /// <summary>The status checker for a run: the shared one (its cache survives) unless the request fixes the instant.</summary>
    internal StatusListChecker? StatusCheckerFor(VerificationRequest request) =>
        StatusFetcher is null ? null
        : request.Now is { } now ? CreateStatusChecker(new FixedClock(now))
        : _statusChecker;

    private StatusListChecker CreateStatusChecker(TimeProvider time)
    {
        var lists = new DataIntegrityVerifier(Methods, time, Options.JsonLd);
        return new StatusListChecker(
            StatusFetcher!,
            async (_, content, cancellationToken) =>
            {
                var report = await lists.VerifyAsync(content, DataIntegrityVerificationOptions.Default, cancellationToken).ConfigureAwait(false);
                return report.Succeeded ? StatusListProofResult.Valid : StatusListProofResult.Invalid(report.ToString());
            },
            time,
            Options.StatusListOptions);
    }
}
