namespace Credstack.Server.Storage;

/// <summary><c>Credstack:Storage</c>: which database and how to reach it.</summary>
internal sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (default, migrated at start-up) or <c>postgres</c> (migrated by <c>credstack migrate</c>).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/credstack.db";
}
