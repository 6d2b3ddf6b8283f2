using Credstack.Credentials.Status;

namespace Credstack.Server.StatusLists;

/// <summary><c>Credstack:StatusLists</c>: list size and how often changed lists are re-signed.</summary>
internal sealed class StatusListOptions
{
    public const string Section = "Credstack:StatusLists";

    /// <summary>Entries per list; at least 131,072 (Bitstring Status List herd privacy). A new list opens when one is full.</summary>
    public int Capacity { get; set; } = StatusList.MinimumLength;

    /// <summary>
    /// Changed lists are re-signed in batches at most this often; a served list is never older than
    /// this (a request for a list whose change is older re-signs it first). Also the <c>Cache-Control</c> max-age and the list's <c>ttl</c>.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Run the background round (tests turn it off and flush by hand, so real time cannot race the test clock).</summary>
    public bool BackgroundRefresh { get; set; } = true;

    /// <summary>
    /// Also put the suspension entry into issued credentials, making <c>credentialStatus</c> an array
    /// (VC 2.0 allows it; the OB 3.0 schema allows one object only, so it is off by default).
    /// </summary>
    public bool EmitSuspensionEntry { get; set; }
}
