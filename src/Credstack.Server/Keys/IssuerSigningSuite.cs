namespace Credstack.Server.Keys;

/// <summary>How <see cref="IssuerSigner"/> secures a credential, and so which of the issuer's keys signs it.</summary>
internal enum IssuerSigningSuite
{
    /// <summary>Data Integrity <c>eddsa-rdfc-2022</c> with the Ed25519 key: the default for Open Badges 3.0.</summary>
    EddsaRdfc2022,

    /// <summary>Data Integrity <c>eddsa-jcs-2022</c> with the Ed25519 key.</summary>
    EddsaJcs2022,

    /// <summary>Data Integrity <c>ecdsa-rdfc-2019</c> with the P-256 key.</summary>
    EcdsaRdfc2019,

    /// <summary>Data Integrity <c>ecdsa-jcs-2019</c> with the P-256 key.</summary>
    EcdsaJcs2019,

    /// <summary>W3C VC-JOSE (<c>application/vc+jwt</c>) with the Ed25519 key (<c>alg</c> EdDSA).</summary>
    VcJose,

    /// <summary>Open Badges 3.0 §8.2 VC-JWT with the RSA key (<c>alg</c> RS256, the algorithm OB 3.0 requires verifiers to support).</summary>
    OpenBadgesJwt,
}
