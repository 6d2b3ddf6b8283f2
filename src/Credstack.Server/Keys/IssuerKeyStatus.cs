namespace Credstack.Server.Keys;

/// <summary>The wire and database names of an issuer key's status.</summary>
internal static class IssuerKeyStatus
{
    /// <summary>Signs new credentials; one per organization and key type.</summary>
    public const string Active = "active";

    /// <summary>Rotated out: signs nothing new, but stays in the DID document so what it signed still verifies.</summary>
    public const string Retired = "retired";
}
