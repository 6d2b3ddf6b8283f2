namespace Credstack.Server.Hosting;

/// <summary><c>Credstack:SignIn</c>: password sign-in lock-out.</summary>
internal sealed class PasswordSignInOptions
{
    /// <summary>Consecutive failed sign-ins that lock an account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in cookie lasts without use.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
