// The stable vocabulary of a VerificationReport, in the order of the verification algorithm of the Open Badges 3.0
// specification (§8.1 "Verification") and the VC Data Model 2.0 (§7.1 "Verification"): input, structure, proof, refresh,
// status, validity period, recipient, endorsements, embedded credentials. A code names what is checked (or the condition
// looked for); the check's CheckStatus says how it came out. Codes never change meaning; new ones may be added.
namespace Credstack.Credentials.Verification;

/// <summary>
/// The codes of <see cref="VerificationCheck"/>. Each names one check; <see cref="VerificationCheck.Status"/> says whether
/// it passed, failed, warned or was skipped, and <see cref="VerificationCheck.Problem"/> carries the underlying verifier's
/// own problem code (a <c>DataIntegrityProblem</c>, <c>JwtProblem</c>, <c>ValidationCode</c>, <c>StatusProblem</c> or
/// <c>DidProblem</c> value).
/// </summary>
public static class VerificationCode
{
    /// <summary>The input was recognised as a JSON credential, a compact JWS, a data: URL or a baked PNG/SVG (failed: none of these).</summary>
    public const string InputFormat = "input.format";

    /// <summary>A baked image held a credential (failed: the image is malformed, or nothing is baked in it).</summary>
    public const string InputImage = "input.image";

    /// <summary>The credential is a JSON object within the size and depth limits (failed: not JSON, not an object, too large or too deep).</summary>
    public const string StructureJson = "structure.json";

    /// <summary>The compact JWS is well formed: three base64url parts, a JSON header and payload (failed: malformed or too large).</summary>
    public const string StructureJwt = "structure.jwt";

    /// <summary>
    /// The data model's structure (OB 3.0 / CLR 2.0 classes through <c>CredentialValidator</c>; VC 2.0 core properties for
    /// other credentials; OB 2.0 Assertion properties). One check per problem found, with its JSONPath.
    /// </summary>
    public const string StructureSchema = "structure.schema";

    /// <summary>
    /// JSON-LD safe mode: every term is defined by the credential's contexts, so nothing is silently left out of what the
    /// proof signs (failed: an undefined term or an unknown context; warning: only a tolerated <c>credentialSchema</c> type is undefined).
    /// </summary>
    public const string StructureJsonLd = "structure.jsonld";

    /// <summary>The credential carries a proof (an embedded Data Integrity proof, a JWS, or OB 2.0 hosted verification).</summary>
    public const string ProofPresent = "proof.present";

    /// <summary>The proof is well formed (Data Integrity members present, JWS header acceptable: alg allow-list, typ, cty, crit).</summary>
    public const string ProofFormat = "proof.format";

    /// <summary>The proof type / cryptosuite is one Credstack verifies (warning: a deprecated name such as <c>eddsa-2022</c>).</summary>
    public const string ProofSuite = "proof.suite";

    /// <summary>The proof purpose is the expected one (<c>assertionMethod</c> for credentials).</summary>
    public const string ProofPurpose = "proof.purpose";

    /// <summary>The verification method (or JWS <c>kid</c>/<c>jwk</c>, or OB 2.0 <c>verification.creator</c>) resolved to a usable public key.</summary>
    public const string ProofVerificationMethod = "proof.verification-method";

    /// <summary>
    /// The key is controlled by the issuer and authorized for the purpose (failed: someone else's key; warning: the key came
    /// only from a JWS header <c>jwk</c> and is bound to no one).
    /// </summary>
    public const string ProofController = "proof.controller";

    /// <summary>The signature verifies over the canonical document and proof configuration (or the JWS signing input).</summary>
    public const string ProofSignature = "proof.signature";

    /// <summary>The document could be canonicalized for the proof (failed: a JSON-LD error other than safe mode, e.g. a resource limit).</summary>
    public const string ProofCanonicalization = "proof.canonicalization";

    /// <summary>JWT claims agree with the credential they carry (<c>iss</c>/issuer, <c>jti</c>/id, <c>sub</c>/subject, <c>nbf</c>/validFrom, <c>exp</c>/validUntil).</summary>
    public const string ProofClaims = "proof.claims";

    /// <summary>The proof's <c>created</c> is not in the future.</summary>
    public const string ProofCreated = "proof.created";

    /// <summary>The proof's <c>expires</c> has not passed.</summary>
    public const string ProofExpires = "proof.expires";

    /// <summary>The proof's <c>domain</c> contains the requested domain.</summary>
    public const string ProofDomain = "proof.domain";

    /// <summary>The proof's <c>challenge</c> equals the requested challenge.</summary>
    public const string ProofChallenge = "proof.challenge";

    /// <summary>Every <c>previousProof</c> a chained proof names is in the proof set.</summary>
    public const string ProofChain = "proof.chain";

    /// <summary>OB 2.0 hosted verification: the assertion served at its <c>id</c> is the one given, and its origin is the issuer's.</summary>
    public const string ProofHosted = "proof.hosted";

    /// <summary>The refresh service (<c>refreshService</c>); Credstack never contacts it, so this is skipped with the reason.</summary>
    public const string RefreshService = "refresh.service";

    /// <summary>Revocation (Bitstring Status List / StatusList2021 purpose revocation, 1EdTech Revocation List, OB 2.0 revocationList).</summary>
    public const string StatusRevoked = "status.revoked";

    /// <summary>Suspension (Bitstring Status List purpose suspension).</summary>
    public const string StatusSuspended = "status.suspended";

    /// <summary>
    /// The status could not be determined (the list could not be fetched, did not verify, is malformed; or no status fetcher
    /// is configured, then skipped). A warning unless <see cref="VerificationRequest.StatusUnknownIsFailure"/>.
    /// </summary>
    public const string StatusUnknown = "status.unknown";

    /// <summary>A status message entry (purpose message) or a refresh entry that is set: reported as a warning, never a failure.</summary>
    public const string StatusMessage = "status.message";

    /// <summary>The validity period has started (<c>validFrom</c> / <c>issuanceDate</c> / <c>nbf</c> / OB 2.0 <c>issuedOn</c> not in the future).</summary>
    public const string ValidityNotYetValid = "validity.not-yet-valid";

    /// <summary>The validity period has not ended (<c>validUntil</c> / <c>expirationDate</c> / <c>exp</c> / OB 2.0 <c>expires</c> not past).</summary>
    public const string ValidityExpired = "validity.expired";

    /// <summary>The expected recipient (email, DID or URL) is the subject (skipped when the request names none).</summary>
    public const string RecipientMismatch = "recipient.mismatch";

    /// <summary>An endorsement (<c>endorsement</c> / <c>endorsementJwt</c> of the credential, achievement or issuer) verifies; a bad one is a warning.</summary>
    public const string EndorsementInvalid = "endorsement.invalid";

    /// <summary>
    /// A credential embedded in a CLR (<c>credentialSubject.verifiableCredential</c>) or presented in a verifiable presentation
    /// (<c>verifiableCredential</c>) verifies; a bad one fails the CLR or the presentation.
    /// </summary>
    public const string EmbeddedInvalid = "embedded.invalid";

    /// <summary>
    /// A credential in a verifiable presentation that has no proof of its own is a holder claim (VC 2.0 §4.13, "Presentations
    /// Including Holder Claims"): the presentation must name a holder, the credential's issuer must be that holder, and the
    /// presentation's proof must verify (failed otherwise).
    /// </summary>
    public const string EmbeddedSelfAsserted = "embedded.self-asserted";

    /// <summary>Embedded credentials or endorsements nest deeper than <see cref="CredentialVerifierOptions.MaxNestingDepth"/>.</summary>
    public const string EmbeddedTooDeep = "embedded.too-deep";

    /// <summary>The verifier met an unexpected condition (a bug): the credential is not verified, and the message says what happened.</summary>
    public const string VerifierInternalError = "verifier.internal-error";
}
