using System.Text.Json;
using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Achievements;

/// <summary>Achievements and their immutable versions in the database (SQL shared by both providers).</summary>
internal sealed class AchievementStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Select = """
        SELECT a.id, a.organization_id, v.version, a.latest_version, a.archived_at, v.created_at, v.created_by, v.definition
        FROM achievements a JOIN achievement_versions v ON v.achievement_id = a.id
        """;

    public async Task<AchievementVersion> CreateAsync(string organizationId, AchievementDefinition definition, string? createdBy, CancellationToken cancellationToken, string? id = null)
    {
        var now = time.GetUtcNow();
        var row = new AchievementVersion
        {
            Id = id ?? EntityId.New(time),
            OrganizationId = organizationId,
            Version = 1,
            LatestVersion = 1,
            CreatedAt = now,
            CreatedBy = createdBy,
            Definition = JsonSerializer.Serialize(definition, AchievementVersion.DefinitionJson),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO achievements (id, organization_id, latest_version, archived_at, created_at) VALUES (@Id, @OrganizationId, 1, NULL, @CreatedAt);",
            row, transaction, cancellationToken: cancellationToken));
        await InsertVersionAsync(connection, transaction, row, definition.Name!, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Adds version <c>latest + 1</c>. With <paramref name="expectedLatest"/>, only when the latest is
    /// still that (optimistic concurrency); null when the achievement is unknown or the check failed.
    /// </summary>
    public async Task<AchievementVersion?> AddVersionAsync(string organizationId, string id, AchievementDefinition definition, long? expectedLatest, string? createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The UPDATE takes the row lock first, so two edits at once get consecutive versions (or one a conflict).
        var version = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            UPDATE achievements SET latest_version = latest_version + 1
            WHERE id = @id AND organization_id = @organizationId AND (@expectedLatest IS NULL OR latest_version = @expectedLatest)
            RETURNING latest_version;
            """,
            new { id, organizationId, expectedLatest }, transaction, cancellationToken: cancellationToken));
        if (version is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var archivedAt = await connection.QuerySingleAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT archived_at FROM achievements WHERE id = @id;", new { id }, transaction, cancellationToken: cancellationToken));
        var row = new AchievementVersion
        {
            Id = id,
            OrganizationId = organizationId,
            Version = version.Value,
            LatestVersion = version.Value,
            ArchivedAt = archivedAt,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = createdBy,
            Definition = JsonSerializer.Serialize(definition, AchievementVersion.DefinitionJson),
        };
        await InsertVersionAsync(connection, transaction, row, definition.Name!, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>A version of the organization's achievement (the latest when <paramref name="version"/> is null); null when unknown.</summary>
    public async Task<AchievementVersion?> FindAsync(string organizationId, string id, long? version, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AchievementVersion>(new CommandDefinition(
            Select + " WHERE a.id = @id AND a.organization_id = @organizationId AND v.version = COALESCE(@version, a.latest_version);",
            new { id, organizationId, version }, cancellationToken: cancellationToken));
    }

    /// <summary>The latest version of each of the organization's achievements, by name.</summary>
    public async Task<IReadOnlyList<AchievementVersion>> ListAsync(string organizationId, bool includeArchived, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AchievementVersion>(new CommandDefinition(
            Select + " WHERE a.organization_id = @organizationId AND v.version = a.latest_version AND (@includeArchived OR a.archived_at IS NULL) ORDER BY v.name, a.id;",
            new { organizationId, includeArchived }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Every version of one achievement, oldest first (empty when unknown).</summary>
    public async Task<IReadOnlyList<AchievementVersion>> ListVersionsAsync(string organizationId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AchievementVersion>(new CommandDefinition(
            Select + " WHERE a.id = @id AND a.organization_id = @organizationId ORDER BY v.version;",
            new { id, organizationId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Archives or unarchives; false when the organization has no such achievement.</summary>
    public async Task<bool> SetArchivedAsync(string organizationId, string id, bool archived, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            archived
                ? "UPDATE achievements SET archived_at = COALESCE(archived_at, @now) WHERE id = @id AND organization_id = @organizationId;"
                : "UPDATE achievements SET archived_at = NULL WHERE id = @id AND organization_id = @organizationId;",
            new { id, organizationId, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    private static Task<int> InsertVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, AchievementVersion row, string name, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO achievement_versions (achievement_id, version, name, definition, created_by, created_at) VALUES (@Id, @Version, @name, @Definition, @CreatedBy, @CreatedAt);",
            new { row.Id, row.Version, name, row.Definition, row.CreatedBy, row.CreatedAt }, transaction, cancellationToken: cancellationToken));
}
