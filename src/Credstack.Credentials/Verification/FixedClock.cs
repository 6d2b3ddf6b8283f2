namespace Credstack.Credentials.Verification;

/// <summary>The instant a <see cref="VerificationRequest"/> asks to verify at, as a clock for the underlying verifiers.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
