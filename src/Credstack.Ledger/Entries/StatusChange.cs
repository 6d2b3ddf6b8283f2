namespace Credstack.Ledger.Entries;

/// <summary>What happened to a credential's status.</summary>
public enum StatusChange
{
    /// <summary>Revoked for good (<c>credentialRevoked</c>).</summary>
    Revoked,

    /// <summary>Suspended until reinstated (<c>credentialSuspended</c>).</summary>
    Suspended,

    /// <summary>A suspension was lifted (<c>credentialReinstated</c>).</summary>
    Reinstated,
}
