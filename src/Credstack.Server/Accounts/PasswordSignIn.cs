using Credstack.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Accounts;

/// <summary>
/// Checks an e-mail address and password, with lock-out after <see cref="PasswordSignInOptions.MaxFailedAttempts"/>
/// consecutive failures for <see cref="PasswordSignInOptions.LockoutDuration"/>. An unknown address costs a
/// hash verification too, so response time does not tell which addresses have accounts.
/// </summary>
internal sealed class PasswordSignIn(AccountStore accounts, IPasswordHasher<Account> hasher, IOptions<CredstackOptions> options, TimeProvider time)
{
    private static readonly Account Nobody = new() { Id = "", Email = "", DisplayName = "", PasswordHash = "", CreatedAt = default };

    // Lazily made once with the configured hasher, so the dummy verification costs what a real one does.
    private string? _dummyHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByEmailAsync(email, cancellationToken);
        if (account is null)
        {
            _dummyHash ??= hasher.HashPassword(Nobody, "not a password anyone has");
            hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
            return SignInOutcome.InvalidCredentials;
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return SignInOutcome.Locked(lockedUntil);
        }

        var result = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result is PasswordVerificationResult.Failed)
        {
            var failures = await accounts.RecordFailedSignInAsync(account.Id, cancellationToken);
            var settings = options.Value.SignIn;
            if (failures >= settings.MaxFailedAttempts)
            {
                var until = now + settings.LockoutDuration;
                await accounts.LockAsync(account.Id, until, cancellationToken);
                return SignInOutcome.Locked(until);
            }

            return SignInOutcome.InvalidCredentials;
        }

        var rehash = result is PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(account, password) : null;
        await accounts.RecordSuccessfulSignInAsync(account.Id, rehash, cancellationToken);
        return SignInOutcome.Success(account);
    }
}
