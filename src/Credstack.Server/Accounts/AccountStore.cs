using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Accounts;

/// <summary>Accounts in the database (SQL shared by both providers).</summary>
internal sealed class AccountStore(IConnectionFactory connections, TimeProvider time)
{
    private const string Columns = "id, email, display_name, password_hash, failed_sign_ins, locked_until, created_at";

    /// <summary>Normalises an e-mail address to the form stored and compared.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Creates an account; null when the e-mail address is taken.</summary>
    public async Task<Account?> CreateAsync(string email, string displayName, string passwordHash, CancellationToken cancellationToken, string? id = null)
    {
        var account = new Account
        {
            Id = id ?? EntityId.New(time),
            Email = NormalizeEmail(email),
            DisplayName = displayName,
            PasswordHash = passwordHash,
            CreatedAt = time.GetUtcNow(),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO accounts (id, email, display_name, password_hash, failed_sign_ins, created_at)
            VALUES (@Id, @Email, @DisplayName, @PasswordHash, 0, @CreatedAt)
            ON CONFLICT (email) DO NOTHING;
            """,
            account, cancellationToken: cancellationToken));
        return inserted == 1 ? account : null;
    }

    public async Task<Account?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            $"SELECT {Columns} FROM accounts WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<Account?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            $"SELECT {Columns} FROM accounts WHERE email = @email;", new { email = NormalizeEmail(email) }, cancellationToken: cancellationToken));
    }

    /// <summary>Counts a failed sign-in; returns the consecutive failures so far (counted in the database, so parallel attempts all count).</summary>
    public async Task<long> RecordFailedSignInAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @id RETURNING failed_sign_ins;",
            new { id }, cancellationToken: cancellationToken));
    }

    public async Task LockAsync(string id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET failed_sign_ins = 0, locked_until = @until WHERE id = @id;", new { id, until }, cancellationToken: cancellationToken));
    }

    /// <summary>Clears the failure count after a successful sign-in, and stores a re-hashed password when the hasher asks for one.</summary>
    public async Task RecordSuccessfulSignInAsync(string id, string? newPasswordHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL, password_hash = COALESCE(@newPasswordHash, password_hash) WHERE id = @id;",
            new { id, newPasswordHash }, cancellationToken: cancellationToken));
    }
}
