namespace Credstack.Server.Sharing;

/// <summary>Who is looking at a credential's public page, which decides whether a private credential is shown.</summary>
internal enum CredentialViewer
{
    /// <summary>Anyone else: sees the page only when the learner made it public.</summary>
    Stranger,

    /// <summary>The account that claimed the credential: always sees it, and chooses whether it is public.</summary>
    Learner,

    /// <summary>A member of the issuing organization: always sees it.</summary>
    IssuerMember,
}
