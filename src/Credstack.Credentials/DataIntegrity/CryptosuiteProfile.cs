// The cryptosuites of VC DI EdDSA v1.0 (§3.3 eddsa-rdfc-2022, §3.4 eddsa-jcs-2022) and VC DI ECDSA v1.0
// (§3.2 ecdsa-rdfc-2019, §3.3 ecdsa-jcs-2019), plus the legacy Ed25519Signature2020 proof type
// (W3C CCG Ed25519Signature2020, verify only) and the pre-Recommendation name eddsa-2022 (verify only).
using System.Security.Cryptography;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>What differs between the suites: the name, the transformation, the key family and the hash.</summary>
internal sealed class CryptosuiteProfile
{
    public const string DataIntegrityProofType = "DataIntegrityProof";
    public const string Ed25519Signature2020Type = "Ed25519Signature2020";

    public static readonly CryptosuiteProfile EddsaRdfc2022 = new("eddsa-rdfc-2022", DataIntegrityProofType, rdfc: true, ecdsa: false);
    public static readonly CryptosuiteProfile EddsaJcs2022 = new("eddsa-jcs-2022", DataIntegrityProofType, rdfc: false, ecdsa: false);
    public static readonly CryptosuiteProfile EcdsaRdfc2019 = new("ecdsa-rdfc-2019", DataIntegrityProofType, rdfc: true, ecdsa: true);
    public static readonly CryptosuiteProfile EcdsaJcs2019 = new("ecdsa-jcs-2019", DataIntegrityProofType, rdfc: false, ecdsa: true);

    // Verify only. eddsa-2022 was the Candidate Recommendation name of eddsa-rdfc-2022 (same algorithm).
    public static readonly CryptosuiteProfile Eddsa2022 = new("eddsa-2022", DataIntegrityProofType, rdfc: true, ecdsa: false, deprecated: true);
    public static readonly CryptosuiteProfile Ed25519Signature2020 = new(null, Ed25519Signature2020Type, rdfc: true, ecdsa: false);

    private CryptosuiteProfile(string? name, string proofType, bool rdfc, bool ecdsa, bool deprecated = false)
    {
        Name = name;
        ProofType = proofType;
        UsesRdfc = rdfc;
        UsesEcdsa = ecdsa;
        Deprecated = deprecated;
    }

    /// <summary>The <c>cryptosuite</c> value; null for the legacy proof type, which has none.</summary>
    public string? Name { get; }

    public string ProofType { get; }

    /// <summary>RDFC-1.0 over JSON-LD (true) or JCS over JSON (false).</summary>
    public bool UsesRdfc { get; }

    public bool UsesEcdsa { get; }

    public bool Deprecated { get; }

    /// <summary>The legacy proof type keeps no <c>@context</c> in the proof and puts the suite context in the document.</summary>
    public bool IsLegacy => Name is null;

    public string DisplayName => Name ?? ProofType;

    public static CryptosuiteProfile For(DataIntegrityCryptosuite suite) => suite switch
    {
        DataIntegrityCryptosuite.EddsaRdfc2022 => EddsaRdfc2022,
        DataIntegrityCryptosuite.EddsaJcs2022 => EddsaJcs2022,
        DataIntegrityCryptosuite.EcdsaRdfc2019 => EcdsaRdfc2019,
        DataIntegrityCryptosuite.EcdsaJcs2019 => EcdsaJcs2019,
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Unknown cryptosuite."),
    };

    public static CryptosuiteProfile? ForName(string name) => name switch
    {
        "eddsa-rdfc-2022" => EddsaRdfc2022,
        "eddsa-jcs-2022" => EddsaJcs2022,
        "ecdsa-rdfc-2019" => EcdsaRdfc2019,
        "ecdsa-jcs-2019" => EcdsaJcs2019,
        "eddsa-2022" => Eddsa2022,
        _ => null,
    };

    public bool Accepts(KeyType keyType) => UsesEcdsa ? keyType is KeyType.P256 or KeyType.P384 : keyType == KeyType.Ed25519;

    public string KeyRequirement => UsesEcdsa ? "a P-256 or P-384 key" : "an Ed25519 key";

    /// <summary>
    /// The hash of the transformed data: SHA-256, except ECDSA on P-384 which uses SHA-384 throughout
    /// (VC DI ECDSA §3.2.4 / §3.3.4 "Hashing").
    /// </summary>
    public static HashAlgorithmName HashFor(KeyType keyType) => keyType == KeyType.P384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
}
