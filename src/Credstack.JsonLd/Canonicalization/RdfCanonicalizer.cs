// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 2024-05-21, §4.4 "Canonicalization
// Algorithm": the public entry point. The algorithm itself lives in CanonicalizationState.
using System.Security.Cryptography;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Canonicalization;

/// <summary>
/// Canonicalizes RDF datasets with RDFC-1.0. Thread-safe; each call works on its own state.
/// A dataset whose blank nodes exceed the work bounds of <see cref="RdfCanonicalizerOptions"/>
/// raises <see cref="JsonLdException"/> with <see cref="JsonLdErrorCode.ResourceLimitExceeded"/>.
/// </summary>
public sealed class RdfCanonicalizer
{
    /// <summary>Creates a canonicalizer with SHA-256 and the default work bounds.</summary>
    public RdfCanonicalizer()
        : this(RdfCanonicalizerOptions.Default)
    {
    }

    /// <summary>Creates a canonicalizer with the given options.</summary>
    public RdfCanonicalizer(RdfCanonicalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = options.HashAlgorithm;
        if (name != HashAlgorithmName.SHA256 && name != HashAlgorithmName.SHA384 && name != HashAlgorithmName.SHA512)
        {
            throw new ArgumentException("RDFC-1.0 hashing supports SHA-256, SHA-384 and SHA-512.", nameof(options));
        }

        if (options.MaxHashNDegreeQuadsCalls < 0 || options.MaxPermutations < 0)
        {
            throw new ArgumentException("The work bounds must not be negative.", nameof(options));
        }

        Options = options;
    }

    /// <summary>The options in use.</summary>
    public RdfCanonicalizerOptions Options { get; }

    /// <summary>Canonicalizes a dataset; repeated quads count once (a dataset is a set).</summary>
    public RdfCanonicalizationResult Canonicalize(IReadOnlyList<Quad> dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var state = CanonicalizationState.Rent(Options);
        try
        {
            return state.Run(dataset);
        }
        finally
        {
            state.Return();
        }
    }

    /// <summary>Parses an N-Quads document and canonicalizes it; syntax errors raise <see cref="NQuadsSyntaxException"/>.</summary>
    public RdfCanonicalizationResult Canonicalize(string nquads, NQuadsParserOptions? parserOptions = null) =>
        Canonicalize(NQuadsParser.Parse(nquads, parserOptions));
}
