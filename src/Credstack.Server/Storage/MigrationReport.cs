namespace Credstack.Server.Storage;

/// <summary>What a migration run did: the scripts applied, or why it stopped.</summary>
internal sealed record MigrationReport(IReadOnlyList<Migration> Applied, string? Problem)
{
    public bool Succeeded => Problem is null;
}
