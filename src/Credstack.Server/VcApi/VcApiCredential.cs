namespace Credstack.Server.VcApi;

/// <summary>
/// A credential signed through <c>POST /credentials/issue</c> and the status list entry the server gave it. Never on the
/// wire. Its <see cref="Status"/> takes the awards' values (<c>active</c>, <c>suspended</c>, <c>revoked</c>), and its bits
/// are published in the organization's status lists like an award's.
/// </summary>
internal sealed class VcApiCredential
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    /// <summary>The credential's <c>id</c>, or the <c>id</c> of its revocation entry when the credential has none: what <c>POST /credentials/status</c> names.</summary>
    public required string CredentialId { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? StatusChangedAt { get; init; }

    public required string StatusListId { get; init; }

    public long StatusListIndex { get; init; }

    public string? IssuedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
