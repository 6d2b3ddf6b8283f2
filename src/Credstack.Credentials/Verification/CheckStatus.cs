namespace Credstack.Credentials.Verification;

/// <summary>The outcome of one check of a <see cref="VerificationReport"/>; written in JSON in lower case.</summary>
public enum CheckStatus
{
    /// <summary>The check ran and found nothing wrong.</summary>
    Passed,

    /// <summary>The check ran and found a reason to reject the credential: the report is not verified.</summary>
    Failed,

    /// <summary>The check found something worth knowing that does not reject the credential (an older context, a key bound only by the header).</summary>
    Warning,

    /// <summary>The check did not run: nothing to check, a seam the caller did not configure, or an earlier failure made it meaningless.</summary>
    Skipped,
}
