namespace Credstack.Credentials.Keys;

/// <summary>The kinds of signing key Credstack issues and verifies with.</summary>
public enum KeyType
{
    /// <summary>Ed25519 (RFC 8032), used by the eddsa-rdfc-2022 and eddsa-jcs-2022 cryptosuites and JOSE <c>EdDSA</c>.</summary>
    Ed25519,

    /// <summary>ECDSA on NIST P-256 with SHA-256 (ecdsa-rdfc-2019 / ecdsa-jcs-2019, JOSE <c>ES256</c>).</summary>
    P256,

    /// <summary>ECDSA on NIST P-384 with SHA-384 (ecdsa-rdfc-2019 / ecdsa-jcs-2019, JOSE <c>ES384</c>).</summary>
    P384,

    /// <summary>RSA with PKCS#1 v1.5 and SHA-256 (JOSE <c>RS256</c>), at least 2048 bits.</summary>
    Rsa,
}
