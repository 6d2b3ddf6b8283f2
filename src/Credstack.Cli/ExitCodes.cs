namespace Credstack.Cli;

/// <summary>The credstack command's exit codes; scripts may rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command line itself was wrong (unknown option, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>The input could not be read or parsed (invalid JSON, bad N-Quads, missing file).</summary>
    public const int InvalidInput = 3;

    /// <summary>The input was well-formed but processing it failed (a JSON-LD error, an unknown context, a resource limit).</summary>
    public const int ProcessingFailed = 4;

    /// <summary>A check the command performs did not pass (a proof that does not verify, a failed comparison).</summary>
    public const int CheckFailed = 5;

    /// <summary><c>credstack verify</c>: every input was read, and at least one did not verify (see its report).</summary>
    public const int NotVerified = 6;

    /// <summary>An unexpected error: a bug or a broken environment.</summary>
    public const int InternalError = 70;
}
