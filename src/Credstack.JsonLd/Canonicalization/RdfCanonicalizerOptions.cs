// RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024-05-21): §4.4 allows the hash
// algorithm to be chosen (SHA-256 by default) and §6 ("Security Considerations", dataset
// poisoning) asks implementations to bound the work the Hash N-Degree Quads algorithm may do.
using System.Security.Cryptography;

namespace Credstack.JsonLd.Canonicalization;

/// <summary>Options of <see cref="RdfCanonicalizer"/>: the internal hash algorithm and the work bounds.</summary>
public sealed record RdfCanonicalizerOptions
{
    /// <summary>SHA-256 and the default work bounds.</summary>
    public static RdfCanonicalizerOptions Default { get; } = new();

    /// <summary>
    /// The hash used by the algorithm itself (RDFC-1.0 §4.4): SHA-256 (the default), SHA-384 or SHA-512.
    /// It changes the canonical labels, not the hash a caller may compute over the output.
    /// </summary>
    public HashAlgorithmName HashAlgorithm { get; init; } = HashAlgorithmName.SHA256;

    /// <summary>
    /// The largest number of calls of Hash N-Degree Quads (RDFC-1.0 §4.8) in one canonicalization,
    /// recursive calls included. Credentials need none or a handful; the most demanding case of the
    /// W3C suite (test044-046) needs 468; the default is about four times that.
    /// </summary>
    public int MaxHashNDegreeQuadsCalls { get; init; } = 2_000;

    /// <summary>
    /// The largest number of permutations (RDFC-1.0 §4.8.3 step 5.4) tried in one canonicalization:
    /// a blank node with k indistinguishable neighbours costs k! of them. The W3C suite needs at most
    /// 2,880; the default is about seven times that, and stops the suite's 10-node clique (test074)
    /// in a quarter of a second even on a heavily loaded machine.
    /// </summary>
    public long MaxPermutations { get; init; } = 20_000;
}
