using System.Data;
using System.Data.Common;

namespace Credstack.Server.Storage;

/// <summary>
/// Runs one SQL statement once per row, inside a transaction, in the way that is fast on each provider:
/// one <see cref="DbBatch"/> round trip where the provider has batches (Npgsql), otherwise one prepared
/// command re-executed with new values (SQLite, in process). Bulk issuance writes thousands of rows this
/// way instead of multi-row statements with thousands of parameters, whose parameter binding costs
/// grow with the square of the parameter count in both Dapper and Microsoft.Data.Sqlite.
/// </summary>
internal static class StatementBatch
{
    // Statements per DbBatch round trip.
    private const int StatementsPerBatch = 500;

    /// <summary>
    /// Runs <paramref name="sql"/> (with <c>@name</c> parameters named by <paramref name="parameterNames"/>) once for each
    /// of <paramref name="rows"/>, with the values <paramref name="values"/> gives in the order of the names, and returns
    /// the number of rows each run changed. Timestamps are written in UTC, as <see cref="DateTimeOffsetHandler"/> writes them.
    /// </summary>
    public static async Task<int[]> ExecuteAsync<T>(
        DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> parameterNames, IReadOnlyList<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        var changed = new int[rows.Count];
        if (connection.CanCreateBatch)
        {
            for (var start = 0; start < rows.Count; start += StatementsPerBatch)
            {
                var count = Math.Min(StatementsPerBatch, rows.Count - start);
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                for (var i = 0; i < count; i++)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = sql;
                    var row = values(rows[start + i]);
                    for (var p = 0; p < parameterNames.Count; p++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = parameterNames[p];
                        Set(parameter, row[p]);
                        command.Parameters.Add(parameter);
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
                for (var i = 0; i < count; i++)
                {
                    changed[start + i] = batch.BatchCommands[i].RecordsAffected;
                }
            }

            return changed;
        }

        await using var single = connection.CreateCommand();
        single.Transaction = transaction;
        single.CommandText = sql;
        var parameters = new DbParameter[parameterNames.Count];
        for (var p = 0; p < parameterNames.Count; p++)
        {
            parameters[p] = single.CreateParameter();
            parameters[p].ParameterName = parameterNames[p];
            single.Parameters.Add(parameters[p]);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = values(rows[r]);
            for (var p = 0; p < parameters.Length; p++)
            {
                Set(parameters[p], row[p]);
            }

            changed[r] = await single.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed;
    }

    private static void Set(DbParameter parameter, object? value)
    {
        if (value is DateTimeOffset timestamp)
        {
            // As DateTimeOffsetHandler: PostgreSQL's timestamptz accepts only offset 0 from Npgsql, and SQLite compares the text.
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = timestamp.ToUniversalTime();
        }
        else
        {
            parameter.Value = value ?? DBNull.Value;
        }
    }
}
