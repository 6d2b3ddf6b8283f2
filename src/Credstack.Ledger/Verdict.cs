namespace Credstack.Ledger;

/// <summary>The answer to "does this verify?": either it does, or it does not and <see cref="Reason"/> says why.</summary>
/// <param name="Verifies">True when the check passed.</param>
/// <param name="Reason">Why the check did not pass, as a sentence ending "does not verify because …"-style text; null when it passed.</param>
public sealed record Verdict(bool Verifies, string? Reason)
{
    /// <summary>The check passed.</summary>
    public static Verdict Pass { get; } = new(true, null);

    /// <summary>The check failed for the given reason.</summary>
    public static Verdict Fail(string reason) => new(false, reason);
}
