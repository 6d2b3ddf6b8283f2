namespace Credstack.Server.Backpack;

/// <summary>One badge in the backpack grid and at the top of its detail page.</summary>
internal sealed record BackpackCard
{
    public required string Id { get; init; }

    /// <summary>True for a credential of this server the person claimed; false for an imported one.</summary>
    public bool IsAward { get; init; }

    public required string Name { get; init; }

    public string? IssuerName { get; init; }

    /// <summary>An image the page may load (this server's, a data: URL, or the imported badge image itself); null: a placeholder.</summary>
    public string? ImageUrl { get; init; }

    public DateTimeOffset? IssuedOn { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Active, Revoked, Suspended, Expired or Not verified.</summary>
    public required string Status { get; init; }

    /// <summary>The pill's tone: ok, warn or bad.</summary>
    public required string Tone { get; init; }

    public required CredentialFacts Facts { get; init; }

    /// <summary>The first letter of the name, for the placeholder image.</summary>
    public string Initial => Name.Length > 0 ? char.ToUpperInvariant(Name[0]).ToString() : "?";
}
