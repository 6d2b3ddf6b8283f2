namespace Credstack.Server.Storage;

/// <summary>One versioned migration script (Storage/Migrations/&lt;Provider&gt;/NNNN_name.sql).</summary>
/// <param name="Checksum">Lower-case hex SHA-256 of the script, so an edited applied script is noticed.</param>
internal sealed record Migration(int Version, string Name, string Sql, string Checksum);
