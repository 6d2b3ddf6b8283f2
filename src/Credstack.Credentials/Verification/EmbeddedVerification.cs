namespace Credstack.Credentials.Verification;

/// <summary>The report of a credential verified inside another: a CLR's embedded credential, or an endorsement.</summary>
/// <param name="Relation">
/// Where it sits: <c>verifiableCredential</c> (CLR 2.0 <c>credentialSubject.verifiableCredential</c>), <c>endorsement</c>
/// or <c>endorsementJwt</c> (of the credential, its achievement or its issuer).
/// </param>
/// <param name="Path">The JSONPath of the embedded credential in its parent.</param>
/// <param name="Report">Its own full report.</param>
public sealed record EmbeddedVerification(string Relation, string Path, VerificationReport Report);
