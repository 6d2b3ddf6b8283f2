namespace Credstack.Server.Backpack;

/// <summary>A credential a person imported (table <c>backpack_credentials</c>): the exact bytes, and display facts read at import.</summary>
internal sealed record ImportedCredential
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The exact bytes imported.</summary>
    public required byte[] Content { get; init; }

    /// <summary>One of the <see cref="CredentialInput"/> media types.</summary>
    public required string MediaType { get; init; }

    public required string Sha256 { get; init; }

    public string? Source { get; init; }

    public string? Name { get; init; }

    public string? IssuerName { get; init; }

    public string? IssuerId { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The verdict (<see cref="Verification.VerificationReportView.Verdict"/>) when last verified.</summary>
    public required string LastVerdict { get; init; }

    public DateTimeOffset VerifiedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
