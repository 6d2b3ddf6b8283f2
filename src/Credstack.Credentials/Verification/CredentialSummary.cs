namespace Credstack.Credentials.Verification;

/// <summary>
/// What a verifier shows about a credential: who issued what to whom, and when. Read from the credential as given (for a
/// JWT, from the verified payload); present whether or not it verified, so read it together with
/// <see cref="VerificationReport.Verified"/>.
/// </summary>
public sealed record CredentialSummary
{
    /// <summary>How the credential was secured.</summary>
    public CredentialFormat Format { get; init; }

    /// <summary>What it arrived in (a baked image, a data: URL, nothing).</summary>
    public CredentialContainer Container { get; init; }

    /// <summary>The VC data model version for JSON-LD credentials: <c>2.0</c>, <c>1.1</c>, or null (OB 2.0, unknown).</summary>
    public string? DataModel { get; init; }

    /// <summary>The credential's (assertion's) <c>id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The credential's <c>type</c> values.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>The issuer's id.</summary>
    public string? IssuerId { get; init; }

    /// <summary>The issuer's name, when the credential (or, for OB 2.0, the fetched Issuer) gives one.</summary>
    public string? IssuerName { get; init; }

    /// <summary>The subject's id, when it has one (subjects known only by a hashed identifier have none).</summary>
    public string? SubjectId { get; init; }

    /// <summary>The achievement's name (OB 3.0 <c>credentialSubject.achievement.name</c>, OB 2.0 BadgeClass <c>name</c>); for other credentials, the credential's <c>name</c>.</summary>
    public string? AchievementName { get; init; }

    /// <summary><c>validFrom</c> (VC 1.1 <c>issuanceDate</c>, OB 2.0 <c>issuedOn</c>).</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary><c>validUntil</c> (VC 1.1 <c>expirationDate</c>, OB 2.0 <c>expires</c>).</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>
    /// What the status step found: <c>valid</c>, <c>revoked</c>, <c>suspended</c>, <c>unknown</c>, or null when the credential has
    /// no status entry or status was not checked.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>True when the input is a verifiable presentation (the credentials it carries are in <see cref="VerificationReport.Embedded"/>).</summary>
    public bool IsPresentation { get; init; }

    /// <summary>A presentation's <c>holder</c> (or <c>holder.id</c>); null for credentials and for presentations that name none.</summary>
    public string? HolderId { get; init; }
}
