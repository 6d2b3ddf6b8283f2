namespace Credstack.Server.Accounts;

/// <summary>An account as the API shows it (no password hash, no lock-out state).</summary>
internal sealed record AccountResponse(string Id, string Email, string DisplayName, DateTimeOffset CreatedAt)
{
    public static AccountResponse From(Account account) => new(account.Id, account.Email, account.DisplayName, account.CreatedAt);
}
