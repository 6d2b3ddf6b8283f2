namespace Credstack.Ledger.Entries;

/// <summary>What happened to an issuer key.</summary>
public enum KeyEventKind
{
    /// <summary>A key began to be used for issuing (<c>issuerKeyAdded</c>).</summary>
    Added,

    /// <summary>A key replaced an earlier one, which stops issuing but stays valid for what it signed (<c>issuerKeyRotated</c>).</summary>
    Rotated,

    /// <summary>A key stopped issuing (<c>issuerKeyRetired</c>).</summary>
    Retired,
}
