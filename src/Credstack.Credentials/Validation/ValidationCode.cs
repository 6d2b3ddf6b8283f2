namespace Credstack.Credentials.Validation;

/// <summary>Stable codes of <see cref="ValidationProblem"/>; they appear in verification reports and API responses.</summary>
public static class ValidationCode
{
    /// <summary>The input is not JSON, is too large or too deep.</summary>
    public const string InvalidJson = "json-invalid";

    /// <summary>A required property is absent.</summary>
    public const string MissingProperty = "property-missing";

    /// <summary>A property has the wrong JSON kind (string, number, boolean, object, array).</summary>
    public const string WrongKind = "property-wrong-kind";

    /// <summary>A single value stands where the data model wants an array (warning in <see cref="ValidationMode.Lenient"/>).</summary>
    public const string SingleValue = "property-single-value";

    /// <summary>A property that the class does not allow (Image, IdentityObject, IdentifierEntry and Association are closed).</summary>
    public const string PropertyNotAllowed = "property-not-allowed";

    /// <summary>An array that must not be empty is empty.</summary>
    public const string EmptyArray = "array-empty";

    /// <summary><c>@context</c> is not an array of at least two entries, or an entry is neither a string nor an object.</summary>
    public const string InvalidContext = "context-invalid";

    /// <summary>The first <c>@context</c> entry is not the VC 2.0 context, or the second is not the OB (or CLR) context.</summary>
    public const string ContextOrder = "context-order";

    /// <summary>The credential uses the VC 1.1 context (warning in <see cref="ValidationMode.Lenient"/>, error in <see cref="ValidationMode.Strict"/>).</summary>
    public const string LegacyContext = "context-vc-1.1";

    /// <summary>The OB context is an older version than 3.0.3 (warning).</summary>
    public const string OlderContextVersion = "context-older-version";

    /// <summary><c>type</c> lacks a value the class requires (e.g. <c>Achievement</c>), or is not the one value allowed (e.g. <c>Image</c>).</summary>
    public const string MissingType = "type-missing-value";

    /// <summary>A <c>type</c> value is not a string.</summary>
    public const string InvalidType = "type-invalid";

    /// <summary>A value that must be a URI is not an absolute URI.</summary>
    public const string InvalidUri = "uri-invalid";

    /// <summary>A DateTimeZ or DateTime value is malformed or lacks the required time zone.</summary>
    public const string InvalidDateTime = "date-time-invalid";

    /// <summary>A Date value is not <c>YYYY-MM-DD</c>.</summary>
    public const string InvalidDate = "date-invalid";

    /// <summary>A value is outside its vocabulary (AchievementType, ResultType, IdentifierTypeEnum…) and is not an <c>ext:</c> term.</summary>
    public const string InvalidEnumValue = "enum-invalid";

    /// <summary>A value breaks its lexical pattern (language code, compact JWS).</summary>
    public const string PatternMismatch = "pattern-mismatch";

    /// <summary>The credential subject has neither an <c>id</c> nor an <c>identifier</c> (OB 3.0 AchievementSubject).</summary>
    public const string UnidentifiedSubject = "subject-unidentified";

    /// <summary>VC 1.1 <c>issuanceDate</c>/<c>expirationDate</c> used in place of <c>validFrom</c>/<c>validUntil</c> (warning).</summary>
    public const string LegacyDateProperty = "date-property-vc-1.1";

    /// <summary>A hashed IdentityObject's <c>identityHash</c> is not <c>sha256$hex</c> or <c>md5$hex</c> (warning: it can never match).</summary>
    public const string InvalidIdentityHash = "identity-hash-invalid";

    /// <summary>Criteria has neither <c>id</c> nor <c>narrative</c> (warning: the spec says at least one SHOULD be present).</summary>
    public const string EmptyCriteria = "criteria-empty";

    /// <summary>The credential's <c>type</c> names no class this validator knows (AchievementCredential, EndorsementCredential, ClrCredential).</summary>
    public const string UnknownCredentialType = "credential-type-unknown";

    /// <summary>A credential subject is an empty object: VC 2.0 §4.8 wants at least one claim.</summary>
    public const string SubjectWithoutClaims = "subject-no-claims";

    /// <summary><c>validUntil</c> is earlier than <c>validFrom</c> (VC 2.0 §4.9).</summary>
    public const string ValidityPeriodReversed = "validity-period-reversed";

    /// <summary>
    /// A credential in a presentation has no proof of its own (a holder claim, secured only by the presentation's proof), but
    /// the presentation names no <c>holder</c> or the credential's issuer is not the holder (VC 2.0 §4.13, "Presentations
    /// Including Holder Claims").
    /// </summary>
    public const string HolderClaimMismatch = "holder-claim-mismatch";
}
