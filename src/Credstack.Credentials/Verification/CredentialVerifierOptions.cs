using Credstack.Credentials.Baking;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Status;
using Credstack.Credentials.Validation;
using Credstack.JsonLd;

namespace Credstack.Credentials.Verification;

/// <summary>
/// The configuration of a <see cref="CredentialVerifier"/>: its seams (all optional; a missing one makes the checks that
/// need it skip, never fetch) and its policy and limits.
/// </summary>
public sealed record CredentialVerifierOptions
{
    /// <summary>The defaults: pinned contexts, did:key only, nothing fetched, the system clock.</summary>
    public static CredentialVerifierOptions Default { get; } = new();

    /// <summary>
    /// JSON-LD options: the document loader (default: the pinned contexts, never the network) and the resource limits of
    /// expansion and canonicalization. Safe mode is applied by the verifier (see <see cref="ToleratedCredentialSchemaTypes"/>).
    /// </summary>
    public JsonLdOptions JsonLd { get; init; } = JsonLdOptions.Default;

    /// <summary>
    /// The fetch seam for HTTP(S) documents (see <see cref="IDocumentFetcher"/>). When set, it also serves did:web documents
    /// and status lists unless <see cref="Dids"/> or <see cref="StatusLists"/> are given. Null: nothing is fetched.
    /// </summary>
    public IDocumentFetcher? Documents { get; init; }

    /// <summary>The DID resolver; null: did:key, plus did:web through <see cref="Documents"/> when it is set.</summary>
    public DidResolver? Dids { get; init; }

    /// <summary>Fetches status lists and 1EdTech revocation lists; null: through <see cref="Documents"/> when set, else status is skipped.</summary>
    public IStatusListFetcher? StatusLists { get; init; }

    /// <summary>
    /// Keys the caller vouches for (e.g. a <see cref="StaticVerificationMethodResolver"/> of pinned issuer keys), consulted
    /// for Data Integrity verification methods that are not DID URLs, before <see cref="Documents"/>.
    /// </summary>
    public IVerificationMethodResolver? VerificationMethods { get; init; }

    /// <summary>JWT keys the caller vouches for (e.g. a <see cref="StaticJwtKeyResolver"/>), consulted for a <c>kid</c> that is neither a DID URL nor fetched through <see cref="Documents"/>.</summary>
    public IJwtKeyResolver? JwtKeys { get; init; }

    /// <summary>The clock, when the request names no instant.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How the structure step validates OB 3.0 / CLR 2.0 classes; default <see cref="ValidationMode.Lenient"/> (what a verifier accepts).</summary>
    public ValidationMode ValidationMode { get; init; } = ValidationMode.Lenient;

    /// <summary>
    /// <c>credentialSchema</c> types that may be undefined by the credential's contexts. When JSON-LD safe mode refuses a
    /// credential only because of such types, the proof is verified without safe mode and the structure.jsonld check warns
    /// (see docs/credential-validation.md). Default: <c>1EdTechJsonSchemaValidator2019</c>, which OB 3.0 credentials carry
    /// but neither the VC 2.0 nor the OB 3.0.3 context defines. Empty: refuse them like any undefined term.
    /// </summary>
    public IReadOnlySet<string> ToleratedCredentialSchemaTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "1EdTechJsonSchemaValidator2019" };

    /// <summary>
    /// Whether a JWS whose key comes only from its header <c>jwk</c> (OB 3.0 §8.2.4.1 allows it) verifies, with a
    /// proof.controller warning that the key is bound to no one. Default true; false fails such tokens.
    /// </summary>
    public bool TrustHeaderJwk { get; init; } = true;

    /// <summary>
    /// Whether a Data Integrity proof's key must be controlled by the credential's issuer (default true, as VC DM 2.0
    /// expects). Set false only to check the signatures of documents whose issuer cannot control the key, such as the W3C
    /// test vectors (issuer https://vc.example/issuers/5678, signed with a did:key); the relationship check still applies.
    /// </summary>
    public bool RequireIssuerControl { get; init; } = true;

    /// <summary>Tolerance for clock differences in the validity step (<c>validFrom</c>, <c>validUntil</c>); default zero.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.Zero;

    /// <summary>Largest input accepted, in bytes (images included); default 16 MiB.</summary>
    public int MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted; default 64.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>How deeply embedded credentials and endorsements are followed (a CLR's credential's endorsement is depth 2); default 3.</summary>
    public int MaxNestingDepth { get; init; } = 3;

    /// <summary>Size limits for reading baked images.</summary>
    public BakingLimits Baking { get; init; } = BakingLimits.Default;

    /// <summary>Limits and caching of status list checks.</summary>
    public StatusListCheckerOptions StatusListOptions { get; init; } = StatusListCheckerOptions.Default;
}
