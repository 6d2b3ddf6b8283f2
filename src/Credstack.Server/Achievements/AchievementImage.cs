namespace Credstack.Server.Achievements;

/// <summary>An uploaded achievement image. Never sent on the wire as is (see <see cref="ImageResponse"/>).</summary>
internal sealed class AchievementImage
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string MediaType { get; init; }

    public required byte[] Content { get; init; }

    /// <summary>Hex SHA-256 of the content, served as the ETag.</summary>
    public required string Sha256 { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
