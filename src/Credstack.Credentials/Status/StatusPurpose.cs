// W3C Bitstring Status List v1.0 (Recommendation, 2025), §2.1 "BitstringStatusListEntry",
// statusPurpose values.
namespace Credstack.Credentials.Status;

/// <summary>The purpose of a status entry or status list (<c>statusPurpose</c>).</summary>
public enum StatusPurpose
{
    /// <summary><c>revocation</c>: a set entry means the credential is revoked, permanently.</summary>
    Revocation,

    /// <summary><c>suspension</c>: a set entry means the credential is suspended, possibly temporarily.</summary>
    Suspension,

    /// <summary><c>refresh</c>: a set entry means a newer version of the credential is available.</summary>
    Refresh,

    /// <summary><c>message</c>: the entry's value selects one of the entry's <c>statusMessage</c> items.</summary>
    Message,
}
