namespace Credstack.Server.Accounts;

/// <summary>The outcome of a password sign-in: the account, or why not.</summary>
internal sealed record SignInOutcome(Account? Account, bool LockedOut, DateTimeOffset? LockedUntil)
{
    public static readonly SignInOutcome InvalidCredentials = new(null, false, null);

    public bool Succeeded => Account is not null;

    public static SignInOutcome Success(Account account) => new(account, false, null);

    public static SignInOutcome Locked(DateTimeOffset until) => new(null, true, until);
}
