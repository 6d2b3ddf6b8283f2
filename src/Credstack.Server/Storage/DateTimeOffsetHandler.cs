using System.Data;
using System.Globalization;
using Dapper;

namespace Credstack.Server.Storage;

/// <summary>
/// Reads timestamps the same way on both providers: SQLite hands back the ISO 8601 text that
/// Microsoft.Data.Sqlite wrote, Npgsql hands back a UTC <see cref="DateTime"/> for <c>timestamptz</c>.
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static int _registered;

    /// <summary>Registers the handler with Dapper once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
            DefaultTypeMap.MatchNamesWithUnderscores = true;
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"cannot read a timestamp from a {value.GetType().Name}"),
    };

    // Stored in UTC: PostgreSQL's timestamptz accepts only offset 0 from Npgsql, and SQLite compares the text.
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.Value = value.ToUniversalTime();
        parameter.DbType = DbType.DateTimeOffset;
    }
}
