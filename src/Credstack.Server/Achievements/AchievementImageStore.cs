using System.Security.Cryptography;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Achievements;

/// <summary>Achievement images in the database: small (≤ 2 MiB), immutable, served from one stable URL each.</summary>
internal sealed class AchievementImageStore(IConnectionFactory connections, TimeProvider time)
{
    public async Task<AchievementImage> AddAsync(string organizationId, string mediaType, byte[] content, CancellationToken cancellationToken, string? id = null)
    {
        var image = new AchievementImage
        {
            Id = id ?? EntityId.New(time),
            OrganizationId = organizationId,
            MediaType = mediaType,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            CreatedAt = time.GetUtcNow(),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO achievement_images (id, organization_id, media_type, content, sha256, created_at) VALUES (@Id, @OrganizationId, @MediaType, @Content, @Sha256, @CreatedAt);",
            image, cancellationToken: cancellationToken));
        return image;
    }

    public async Task<AchievementImage?> FindAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AchievementImage>(new CommandDefinition(
            "SELECT id, organization_id, media_type, content, sha256, created_at FROM achievement_images WHERE id = @id AND organization_id = @organizationId;",
            new { id, organizationId }, cancellationToken: cancellationToken));
    }

    /// <summary>True when the organization owns an image with this id (without reading its bytes).</summary>
    public async Task<bool> ExistsAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM achievement_images WHERE id = @id AND organization_id = @organizationId;",
            new { id, organizationId }, cancellationToken: cancellationToken)) > 0;
    }
}
