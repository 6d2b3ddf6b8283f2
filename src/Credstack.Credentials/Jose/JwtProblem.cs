namespace Credstack.Credentials.Jose;

/// <summary>Stable problem codes reported by <see cref="JwtVerifier"/> and <see cref="JwtCredentialSigner"/>.</summary>
public static class JwtProblem
{
    /// <summary>The token is not a compact JWS: wrong number of parts, bad base64url, or a header that is not a JSON object.</summary>
    public const string Malformed = "jwt-malformed";

    /// <summary>The token is longer than <see cref="JwtVerificationOptions.MaxTokenLength"/>.</summary>
    public const string TooLarge = "jwt-too-large";

    /// <summary>The input is an unsecured JSON document (no integrity protection), not a JWS.</summary>
    public const string Unsecured = "jwt-unsecured";

    /// <summary>The <c>alg</c> is missing, <c>none</c>, symmetric (HS*), unknown, or not in the allow-list.</summary>
    public const string AlgorithmNotAllowed = "jwt-alg-not-allowed";

    /// <summary>The <c>alg</c> is a registered signature algorithm Credstack has no keys for (ES512, PS256, ...).</summary>
    public const string AlgorithmNotSupported = "jwt-alg-not-supported";

    /// <summary>The header <c>alg</c> is not the algorithm of the resolved key (algorithm confusion).</summary>
    public const string AlgorithmKeyMismatch = "jwt-alg-key-mismatch";

    /// <summary>The signature does not verify with the resolved key.</summary>
    public const string SignatureInvalid = "jwt-signature-invalid";

    /// <summary>The <c>typ</c> header is missing or wrong for the profile.</summary>
    public const string TypeInvalid = "jwt-typ-invalid";

    /// <summary>The <c>cty</c> header is wrong for the profile.</summary>
    public const string ContentTypeInvalid = "jwt-cty-invalid";

    /// <summary>The <c>crit</c> header is malformed or names an extension Credstack does not understand.</summary>
    public const string CriticalHeaderUnsupported = "jwt-crit-unsupported";

    /// <summary>The header asks for an unencoded payload (<c>b64: false</c>, RFC 7797), which Credstack refuses.</summary>
    public const string UnencodedPayloadUnsupported = "jwt-b64-unsupported";

    /// <summary>The payload is not a JSON object, or not a credential/presentation of the expected type.</summary>
    public const string PayloadInvalid = "jwt-payload-invalid";

    /// <summary>A VC-JOSE payload carries the <c>vc</c> or <c>vp</c> claim, which VC-JOSE-COSE forbids.</summary>
    public const string ClaimForbidden = "jwt-claim-forbidden";

    /// <summary>A required claim (OB 3.0: <c>iss</c>, <c>vc</c>) is missing, or a time claim is not a number.</summary>
    public const string ClaimMissing = "jwt-claim-missing";

    /// <summary>A claim or credential property has the wrong JSON type (a time claim that is not a number, a date that is not a date-time).</summary>
    public const string ClaimInvalid = "jwt-claim-invalid";

    /// <summary>A JWT claim disagrees with the credential property it mirrors (<c>iss</c>/issuer, <c>jti</c>/id, ...).</summary>
    public const string ClaimMismatch = "jwt-claim-mismatch";

    /// <summary>The <c>exp</c> claim is in the past (beyond the clock skew).</summary>
    public const string Expired = "jwt-expired";

    /// <summary>The <c>nbf</c> claim is in the future (beyond the clock skew).</summary>
    public const string NotYetValid = "jwt-not-yet-valid";

    /// <summary>No key could be found for the <c>kid</c>/<c>jwk</c> header.</summary>
    public const string KeyNotFound = "jwt-key-not-found";

    /// <summary>The header <c>jwk</c> carries private key members.</summary>
    public const string KeyPrivate = "jwt-key-private";

    /// <summary>A presentation holds a credential that is not a well-formed <c>EnvelopedVerifiableCredential</c>.</summary>
    public const string EnvelopedCredentialInvalid = "jwt-enveloped-credential-invalid";

    /// <summary>Issuing: the key cannot sign for this profile, or the document cannot be secured as given.</summary>
    public const string IssuanceRefused = "jwt-issuance-refused";
}
