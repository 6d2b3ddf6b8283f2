namespace Credstack.Server.Awards;

/// <summary>The kinds of <see cref="AwardIssueOutcome"/>.</summary>
internal enum AwardIssueResult
{
    Issued,

    /// <summary>The request's fields are wrong (400).</summary>
    Invalid,

    /// <summary>No such achievement or version in the organization (404).</summary>
    AchievementNotFound,

    /// <summary>The achievement is archived (409).</summary>
    AchievementArchived,

    /// <summary>The organization has no issuer key yet, or its key cannot sign in the requested suite (409).</summary>
    IssuerNotReady,

    /// <summary>The caller's <see cref="AwardBatchStep"/> withdrew the award before it was stored (a bulk row cancelled meanwhile); nothing was stored.</summary>
    Withdrawn,
}
