namespace Credstack.Credentials.Verification;

/// <summary>What one verification asks for beyond the verifier's configuration (<see cref="CredentialVerifierOptions"/>).</summary>
public sealed record VerificationRequest
{
    /// <summary>The defaults: now from the verifier's clock, no expected recipient, status and endorsements checked.</summary>
    public static VerificationRequest Default { get; } = new();

    /// <summary>The instant to verify at (validity period, proof <c>created</c>/<c>expires</c>, status list validity); null: the verifier's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>
    /// Who the credential should be about: an email address (<c>a@b.org</c> or <c>mailto:a@b.org</c>), a DID or a URL. It is
    /// compared with <c>credentialSubject.id</c> and with each <c>identifier</c> IdentityObject (a hashed one through its salt,
    /// in constant time), or with the OB 2.0 <c>recipient</c>. Null: the recipient check is skipped.
    /// </summary>
    public string? ExpectedRecipient { get; init; }

    /// <summary>The proof purpose every Data Integrity proof must have; default <c>assertionMethod</c>.</summary>
    public string ExpectedProofPurpose { get; init; } = "assertionMethod";

    /// <summary>
    /// When set, each Data Integrity proof's <c>domain</c> must contain it. For a verifiable presentation this applies to the
    /// presentation's own proof, not to the proofs of the credentials inside it.
    /// </summary>
    public string? ExpectedDomain { get; init; }

    /// <summary>
    /// When set, each Data Integrity proof's <c>challenge</c> must equal it. For a verifiable presentation this applies to the
    /// presentation's own proof (where it stops replays: pass the challenge you gave the holder), not to the credentials inside it.
    /// </summary>
    public string? ExpectedChallenge { get; init; }

    /// <summary>The proof purpose a verifiable presentation's own proof must have; default <c>authentication</c> (the holder authenticates).</summary>
    public string ExpectedPresentationProofPurpose { get; init; } = "authentication";

    /// <summary>
    /// How a verifiable presentation without a proof is reported: by default a <c>proof.present</c> warning that the holder
    /// is not authenticated (the credentials inside are still verified one by one); <see cref="UnsignedPresentationPolicy.Fail"/>
    /// refuses it, <see cref="UnsignedPresentationPolicy.Skip"/> skips the check (the holder was authenticated another way).
    /// </summary>
    public UnsignedPresentationPolicy UnsignedPresentation { get; init; } = UnsignedPresentationPolicy.Warn;

    /// <summary>Whether <c>credentialStatus</c> is checked (through the configured status list fetcher). Default true.</summary>
    public bool CheckStatus { get; init; } = true;

    /// <summary>When true, a status that cannot be determined fails verification instead of warning. Default false.</summary>
    public bool StatusUnknownIsFailure { get; init; }

    /// <summary>Whether endorsements (of the credential, its achievement and its issuer) are verified and reported. Default true.</summary>
    public bool VerifyEndorsements { get; init; } = true;
}
