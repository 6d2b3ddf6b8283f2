namespace Credstack.Server.Problems;

/// <summary>
/// The stable RFC 9457 <c>type</c> URIs of every problem the server reports. Clients may switch on
/// them; they never change meaning. A feature adds its own constants here.
/// </summary>
internal static class ProblemTypes
{
    public const string Base = "https://credstack.dev/problems/";

    public const string MalformedRequest = Base + "malformed-request";
    public const string Validation = Base + "validation";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string InvalidCredentials = Base + "invalid-credentials";
    public const string LockedOut = Base + "locked-out";
    public const string Internal = Base + "internal";
    public const string Http = Base + "http";
    public const string TooManyRequests = Base + "too-many-requests";

    /// <summary>The verification input is not a credential in any form the verifier reads (not JSON, not a JWS, an image with nothing baked in it).</summary>
    public const string UnreadableCredential = Base + "unreadable-credential";

    /// <summary>VC-API: the credential was read and checked, and did not verify (the body carries the verification report).</summary>
    public const string CredentialNotVerified = Base + "credential-not-verified";

    /// <summary>VC-API issue: the credential to sign is not one this server will issue (wrong issuer, not a valid VC).</summary>
    public const string CredentialRejected = Base + "credential-rejected";

    // Awards
    public const string IdempotencyKeyRequired = Base + "idempotency-key-required";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string IdempotencyKeyInProgress = Base + "idempotency-key-in-progress";
    public const string AwardStateConflict = Base + "award-state-conflict";
    public const string IssuerNotReady = Base + "issuer-not-ready";
    public const string AchievementArchived = Base + "achievement-archived";

    // Bulk jobs
    public const string CsvUnreadable = Base + "csv-unreadable";
    public const string CsvRowsInvalid = Base + "csv-rows-invalid";
    public const string BulkJobStateConflict = Base + "bulk-job-state-conflict";

    /// <summary>The type for a bare status code, used when a problem is produced without one (status code pages, framework errors).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => MalformedRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        422 => Validation,
        429 => TooManyRequests,
        >= 500 => Internal,
        _ => Http,
    };
}
