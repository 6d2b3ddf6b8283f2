namespace Credstack.Server.Storage;

/// <summary>The databases the server runs on; each has its own migration scripts under Storage/Migrations.</summary>
internal enum StorageProvider
{
    Sqlite,
    Postgres,
}
