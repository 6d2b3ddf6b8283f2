namespace Credstack.Credentials.Validation;

/// <summary>How strictly <see cref="CredentialValidator"/> treats shapes that the OB 3.0 prose allows but the 1EdTech JSON Schema does not.</summary>
public enum ValidationMode
{
    /// <summary>
    /// What a verifier does: a single value where the schema wants an array (<c>proof</c>, <c>type</c>,
    /// <c>evidence</c>…), VC 1.1 contexts with <c>issuanceDate</c>, and a <c>credentialStatus</c> without <c>id</c>
    /// are reported as warnings and accepted.
    /// </summary>
    Lenient,

    /// <summary>Equivalent to the 1EdTech JSON Schemas (array-only shapes, VC 2.0 only), plus the OB 3.0 prose MUSTs.</summary>
    Strict,
}
