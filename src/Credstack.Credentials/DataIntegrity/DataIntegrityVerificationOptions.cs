namespace Credstack.Credentials.DataIntegrity;

/// <summary>What a verifier expects of the proofs it checks (Data Integrity 1.0 §4.4 "Verify Proof" options).</summary>
public sealed record DataIntegrityVerificationOptions
{
    /// <summary>The default options: assertionMethod, issuer control required, five minutes of clock skew.</summary>
    public static DataIntegrityVerificationOptions Default { get; } = new();

    /// <summary>The <c>proofPurpose</c> every proof must have; default <c>assertionMethod</c>.</summary>
    public string ExpectedProofPurpose { get; init; } = "assertionMethod";

    /// <summary>When set, each proof's <c>domain</c> (a string or array of strings) must contain it.</summary>
    public string? ExpectedDomain { get; init; }

    /// <summary>When set, each proof's <c>challenge</c> must equal it.</summary>
    public string? ExpectedChallenge { get; init; }

    /// <summary>
    /// When true (the default), the verification method's controller must be the document's issuer (<c>issuer</c> or
    /// <c>issuer.id</c>; for a verifiable presentation, its <c>holder</c> or <c>holder.id</c>), and, when the resolver read the controller document, be listed there for the proof purpose.
    /// Set false only to check signatures of documents whose issuer cannot control the key (e.g. the W3C test vectors,
    /// signed for <c>https://vc.example/issuers/5678</c> with a did:key); the relationship check still applies.
    /// </summary>
    public bool RequireIssuerControl { get; init; } = true;

    /// <summary>How far in the future <c>created</c> may be before <see cref="DataIntegrityProblem.CreatedInFuture"/>; default 5 minutes.</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(5);
}
