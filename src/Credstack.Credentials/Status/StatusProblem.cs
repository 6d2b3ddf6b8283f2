// W3C Bitstring Status List v1.0, §3.2 "Processing Errors" (STATUS_RETRIEVAL_ERROR,
// STATUS_VERIFICATION_ERROR, STATUS_LIST_LENGTH_ERROR, RANGE_ERROR, MALFORMED_VALUE_ERROR),
// split finer so a report can say exactly what went wrong.
namespace Credstack.Credentials.Status;

/// <summary>Why a status could not be determined, or why an encoded list or entry was rejected.</summary>
public enum StatusProblem
{
    /// <summary>The credential status entry is missing a field or has a field of the wrong shape (MALFORMED_VALUE_ERROR).</summary>
    MalformedEntry,

    /// <summary>The <c>credentialStatus</c> type is not one this library reads.</summary>
    UnsupportedStatusType,

    /// <summary>The status list credential could not be retrieved (STATUS_RETRIEVAL_ERROR).</summary>
    FetchFailed,

    /// <summary>The status list credential is not JSON, or not a status list credential of the expected type.</summary>
    MalformedListCredential,

    /// <summary>The proof on the status list credential did not verify, or no verifier was configured (STATUS_VERIFICATION_ERROR).</summary>
    ListProofInvalid,

    /// <summary>The list credential's <c>statusPurpose</c> does not match the entry's (STATUS_VERIFICATION_ERROR).</summary>
    PurposeMismatch,

    /// <summary>The list credential is not valid yet (<c>validFrom</c> in the future).</summary>
    ListNotYetValid,

    /// <summary>The list credential has expired (<c>validUntil</c> in the past).</summary>
    ListExpired,

    /// <summary>The <c>encodedList</c> is not multibase base64url, not GZIP, or otherwise unreadable (MALFORMED_VALUE_ERROR).</summary>
    MalformedList,

    /// <summary>The decoded list is shorter than the 131,072-entry minimum (STATUS_LIST_LENGTH_ERROR).</summary>
    ListTooShort,

    /// <summary>The encoded or decompressed list exceeds the configured size limit (a GZIP bomb, or simply too big).</summary>
    ListTooLarge,

    /// <summary>The entry's index lies past the end of the list (RANGE_ERROR).</summary>
    IndexOutOfRange,

    /// <summary>A multi-bit entry holds a value that none of its <c>statusMessage</c> items describe.</summary>
    UnknownStatusValue,
}
