namespace Credstack.Server.Keys;

/// <summary>The stable codes of <see cref="IssuerSigningResult.Problem"/>, besides those of the Credentials library's signers.</summary>
internal static class IssuerSigningProblem
{
    /// <summary>The credential is not a JSON object.</summary>
    public const string CredentialMalformed = "credential-malformed";

    /// <summary>The credential's <c>issuer</c> (or <c>issuer.id</c>) is not the organization's DID.</summary>
    public const string IssuerMismatch = "issuer-mismatch";
}
