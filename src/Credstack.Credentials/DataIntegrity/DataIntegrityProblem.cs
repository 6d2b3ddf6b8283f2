// W3C Verifiable Credential Data Integrity 1.0 §4 (Algorithms) names the errors a verifier raises
// (PROOF_VERIFICATION_ERROR, MALFORMED_PROOF_ERROR, INVALID_DOMAIN_ERROR, INVALID_CHALLENGE_ERROR, ...);
// Credstack reports them as stable codes, finer grained, that appear in verification reports.
namespace Credstack.Credentials.DataIntegrity;

/// <summary>Stable codes for why a Data Integrity proof (or the document carrying it) did not verify or could not be made.</summary>
public static class DataIntegrityProblem
{
    /// <summary>The document is not a JSON object (or not JSON at all).</summary>
    public const string DocumentMalformed = "document-malformed";

    /// <summary>The document has no <c>proof</c>, or an empty proof array.</summary>
    public const string ProofMissing = "proof-missing";

    /// <summary>
    /// The proof is not an object, or a required member (<c>type</c>, <c>cryptosuite</c>, <c>verificationMethod</c>,
    /// <c>proofPurpose</c>, <c>proofValue</c>) is absent or of the wrong kind, <c>proofValue</c> is not multibase base58btc,
    /// or <c>created</c> / <c>expires</c> is not an XML Schema dateTimeStamp (MALFORMED_PROOF_ERROR).
    /// </summary>
    public const string ProofMalformed = "proof-malformed";

    /// <summary>The proof <c>type</c> is neither <c>DataIntegrityProof</c> nor a legacy type Credstack verifies.</summary>
    public const string ProofTypeUnsupported = "proof-type-unsupported";

    /// <summary>The <c>cryptosuite</c> is not one Credstack implements (e.g. <c>ecdsa-sd-2023</c>, <c>bbs-2023</c>).</summary>
    public const string CryptosuiteUnsupported = "cryptosuite-unsupported";

    /// <summary>A warning: the proof uses a superseded name (<c>eddsa-2022</c>, verified as <c>eddsa-rdfc-2022</c>).</summary>
    public const string CryptosuiteDeprecated = "cryptosuite-deprecated";

    /// <summary>The <c>proofPurpose</c> is not the one the verifier expects (PROOF_VERIFICATION_ERROR).</summary>
    public const string ProofPurposeMismatch = "proof-purpose-mismatch";

    /// <summary>The verification method could not be found or its key could not be imported.</summary>
    public const string VerificationMethodUnresolved = "verification-method-unresolved";

    /// <summary>
    /// The verification method's controller is not the credential's issuer, or the controller document does not list the
    /// method for the proof purpose (e.g. <c>assertionMethod</c>).
    /// </summary>
    public const string VerificationMethodNotAuthorized = "verification-method-not-authorized";

    /// <summary>The key is not of the type the cryptosuite needs (Ed25519 for eddsa-*, P-256 / P-384 for ecdsa-*).</summary>
    public const string KeyTypeMismatch = "key-type-mismatch";

    /// <summary>The signature does not verify over the canonical document and proof configuration.</summary>
    public const string SignatureInvalid = "signature-invalid";

    /// <summary>
    /// The document or proof configuration could not be canonicalized; the detail starts with the JSON-LD error code
    /// (e.g. <c>safe mode: dropped term</c>, <c>loading remote context failed</c>).
    /// </summary>
    public const string CanonicalizationFailed = "canonicalization-failed";

    /// <summary>The proof's <c>expires</c> is in the past.</summary>
    public const string ProofExpired = "proof-expired";

    /// <summary>The proof's <c>created</c> is later than now (beyond the allowed clock skew).</summary>
    public const string CreatedInFuture = "created-in-future";

    /// <summary>The proof's <c>domain</c> does not contain the domain the verifier expects (INVALID_DOMAIN_ERROR).</summary>
    public const string DomainMismatch = "domain-mismatch";

    /// <summary>The proof's <c>challenge</c> is not the one the verifier expects (INVALID_CHALLENGE_ERROR).</summary>
    public const string ChallengeMismatch = "challenge-mismatch";

    /// <summary>A proof names a <c>previousProof</c> that is not in the document's proof set (proof chains, §4.5 / §2.1.2).</summary>
    public const string PreviousProofMissing = "previous-proof-missing";
}
