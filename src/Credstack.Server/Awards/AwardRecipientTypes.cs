namespace Credstack.Server.Awards;

/// <summary>How a recipient is named in a credential.</summary>
internal static class AwardRecipientTypes
{
    /// <summary>By e-mail address, as a salted SHA-256 <c>IdentityObject</c> (the address itself is not in the credential).</summary>
    public const string Email = "email";

    /// <summary>By DID, as <c>credentialSubject.id</c>.</summary>
    public const string Did = "did";
}
