namespace Credstack.Credentials.Verification;

/// <summary>How the verified credential was secured; written in JSON as the kebab-case names given here.</summary>
public enum CredentialFormat
{
    /// <summary><c>unknown</c>: the input was not recognised (or could not be read far enough to tell).</summary>
    Unknown,

    /// <summary><c>data-integrity</c>: a JSON-LD credential (VC 2.0 or 1.1) with embedded Data Integrity proofs, or with none.</summary>
    DataIntegrity,

    /// <summary><c>ob-vc-jwt</c>: an Open Badges 3.0 / CLR 2.0 VC-JWT (credential in the <c>vc</c> claim, OB 3.0 §8.2).</summary>
    OpenBadgesJwt,

    /// <summary><c>vc-jose</c>: a W3C VC-JOSE-COSE <c>vc+jwt</c> (the credential is the payload).</summary>
    VcJose,

    /// <summary><c>ob2-hosted</c>: an Open Badges 2.0 hosted assertion (verified by fetching it from its id).</summary>
    OpenBadges2Hosted,

    /// <summary><c>ob2-signed</c>: an Open Badges 2.0 signed assertion (a JWS checked with the key at <c>verification.creator</c>).</summary>
    OpenBadges2Signed,
}
