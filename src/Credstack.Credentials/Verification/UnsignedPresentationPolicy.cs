namespace Credstack.Credentials.Verification;

/// <summary>How <see cref="CredentialVerifier"/> reports a verifiable presentation that carries no proof of its own.</summary>
public enum UnsignedPresentationPolicy
{
    /// <summary>
    /// <c>proof.present</c> is a warning: the holder is not authenticated (anyone holding the credentials could have sent
    /// them). The presentation is verified when every credential in it verifies. The default.
    /// </summary>
    Warn,

    /// <summary><c>proof.present</c> fails: only a presentation signed by its holder is verified.</summary>
    Fail,

    /// <summary><c>proof.present</c> is skipped: the caller authenticated the holder some other way (a session, a transport).</summary>
    Skip,
}
