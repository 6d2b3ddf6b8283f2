// Resource limits for the RDF 1.1 N-Quads parser: the grammar itself bounds nothing, so a
// caller reading untrusted input chooses how much it is willing to hold in memory.
namespace Credstack.JsonLd.Rdf;

/// <summary>Limits applied while parsing N-Quads; exceeding one raises <see cref="NQuadsSyntaxException"/>.</summary>
public sealed record NQuadsParserOptions
{
    /// <summary>The defaults: 64 Mi characters in total, 1 Mi characters per line, 1,000,000 quads.</summary>
    public static NQuadsParserOptions Default { get; } = new();

    /// <summary>The longest document accepted, in UTF-16 code units.</summary>
    public int MaxDocumentLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>The longest line accepted, in UTF-16 code units.</summary>
    public int MaxLineLength { get; init; } = 1024 * 1024;

    /// <summary>The largest number of statements accepted.</summary>
    public int MaxQuads { get; init; } = 1_000_000;
}
