namespace Credstack.Credentials.DataIntegrity;

/// <summary>The Data Integrity cryptosuites Credstack signs with (and verifies).</summary>
public enum DataIntegrityCryptosuite
{
    /// <summary><c>eddsa-rdfc-2022</c> (VC DI EdDSA §3.3): Ed25519 over RDFC-1.0 canonical N-Quads, SHA-256. The default for Open Badges 3.0.</summary>
    EddsaRdfc2022,

    /// <summary><c>eddsa-jcs-2022</c> (VC DI EdDSA §3.4): Ed25519 over JCS (RFC 8785) canonical JSON, SHA-256.</summary>
    EddsaJcs2022,

    /// <summary><c>ecdsa-rdfc-2019</c> (VC DI ECDSA §3.2): P-256 with SHA-256 or P-384 with SHA-384, over RDFC-1.0.</summary>
    EcdsaRdfc2019,

    /// <summary><c>ecdsa-jcs-2019</c> (VC DI ECDSA §3.3): P-256 with SHA-256 or P-384 with SHA-384, over JCS.</summary>
    EcdsaJcs2019,
}
