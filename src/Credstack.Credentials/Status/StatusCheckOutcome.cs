// W3C Bitstring Status List v1.0, §3.1 "Validate Algorithm" result, per statusPurpose.
namespace Credstack.Credentials.Status;

/// <summary>What a status check found.</summary>
public enum StatusCheckOutcome
{
    /// <summary>The entry is zero: not revoked, not suspended, no refresh pending.</summary>
    Valid,

    /// <summary>A revocation entry is set, or the credential is on a 1EdTech revocation list.</summary>
    Revoked,

    /// <summary>A suspension entry is set.</summary>
    Suspended,

    /// <summary>A refresh entry is set: the issuer has a newer version of the credential.</summary>
    RefreshRequested,

    /// <summary>A message entry: see <see cref="StatusCheckResult.Value"/> and <see cref="StatusCheckResult.Message"/>.</summary>
    Message,

    /// <summary>The status could not be determined: see <see cref="StatusCheckResult.Problem"/> and <see cref="StatusCheckResult.Reason"/>.</summary>
    StatusUnknown,
}
