namespace Credstack.Server.Awards;

/// <summary>What issuing an award came to: the award and its signed bytes, or why not (a value, never an exception).</summary>
internal sealed record AwardIssueOutcome
{
    public required AwardIssueResult Result { get; init; }

    public Award? Award { get; init; }

    /// <summary>The exact signed credential bytes.</summary>
    public byte[]? Credential { get; init; }

    /// <summary>Field errors when <see cref="Result"/> is <see cref="AwardIssueResult.Invalid"/>, keyed by the request's JSON path.</summary>
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>A sentence for the other failures.</summary>
    public string? Detail { get; init; }

    public static AwardIssueOutcome Issued(Award award, byte[] credential) => new() { Result = AwardIssueResult.Issued, Award = award, Credential = credential };

    public static AwardIssueOutcome Invalid(IDictionary<string, string[]> errors) => new() { Result = AwardIssueResult.Invalid, Errors = errors };

    public static AwardIssueOutcome Failed(AwardIssueResult result, string detail) => new() { Result = result, Detail = detail };
}
