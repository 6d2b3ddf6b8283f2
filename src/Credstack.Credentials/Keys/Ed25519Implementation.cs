namespace Credstack.Credentials.Keys;

/// <summary>Which Ed25519 implementation a key uses. Both produce identical signatures (Ed25519 is deterministic).</summary>
public enum Ed25519Implementation
{
    /// <summary>
    /// The platform OpenSSL (<c>libcrypto.so.3</c>) when it is present and passes a known-answer self-test,
    /// otherwise the managed one. The environment variable <c>CREDSTACK_ED25519=managed</c> forces the managed one.
    /// </summary>
    Auto,

    /// <summary>The platform OpenSSL through P/Invoke; fails with <see cref="PlatformNotSupportedException"/> where it is absent.</summary>
    OpenSsl,

    /// <summary>The managed implementation (BouncyCastle), available everywhere.</summary>
    Managed,
}
