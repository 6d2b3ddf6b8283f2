// RDFC-1.0 §4.4.3 step 6 (the canonicalized dataset, serialized per §4.4.2 as canonical
// N-Quads sorted in code point order) and §4.3 (the issued identifiers map of the canonical issuer).
using System.Security.Cryptography;
using System.Text;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Canonicalization;

/// <summary>The outcome of RDFC-1.0: the canonical N-Quads, the relabeled quads and the issued identifiers map.</summary>
public sealed class RdfCanonicalizationResult
{
    private readonly Quad[] _sortedInput;
    private string? _text;
    private Quad[]? _quads;

    internal RdfCanonicalizationResult(byte[] utf8, Quad[] sortedInput, Dictionary<string, string> issuedIdentifiers)
    {
        CanonicalNQuadsUtf8 = utf8;
        _sortedInput = sortedInput;
        IssuedIdentifiers = issuedIdentifiers;
    }

    /// <summary>The canonical N-Quads document as UTF-8: the bytes a Data Integrity proof hashes.</summary>
    public ReadOnlyMemory<byte> CanonicalNQuadsUtf8 { get; }

    /// <summary>The canonical N-Quads document: one line per quad, each ending in <c>\n</c>, sorted in code point order.</summary>
    public string CanonicalNQuads => _text ??= Encoding.UTF8.GetString(CanonicalNQuadsUtf8.Span);

    /// <summary>The quads with canonical blank node labels, in the order of <see cref="CanonicalNQuads"/>, duplicates removed.</summary>
    public IReadOnlyList<Quad> Quads => _quads ??= Relabel();

    /// <summary>The issued identifiers map: input blank node label (without <c>_:</c>) to canonical label (<c>c14n0</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> IssuedIdentifiers { get; }

    /// <summary>SHA-256 of <see cref="CanonicalNQuadsUtf8"/>.</summary>
    public byte[] ComputeHash() => SHA256.HashData(CanonicalNQuadsUtf8.Span);

    /// <summary>The hash of <see cref="CanonicalNQuadsUtf8"/> with SHA-256, SHA-384 or SHA-512.</summary>
    public byte[] ComputeHash(HashAlgorithmName algorithm)
    {
        if (algorithm == HashAlgorithmName.SHA256)
        {
            return SHA256.HashData(CanonicalNQuadsUtf8.Span);
        }

        if (algorithm == HashAlgorithmName.SHA384)
        {
            return SHA384.HashData(CanonicalNQuadsUtf8.Span);
        }

        if (algorithm == HashAlgorithmName.SHA512)
        {
            return SHA512.HashData(CanonicalNQuadsUtf8.Span);
        }

        throw new ArgumentException("Only SHA-256, SHA-384 and SHA-512 are supported.", nameof(algorithm));
    }

    private Quad[] Relabel()
    {
        var quads = new Quad[_sortedInput.Length];
        for (var i = 0; i < quads.Length; i++)
        {
            var q = _sortedInput[i];
            quads[i] = new Quad(Relabel(q.Subject), q.Predicate, Relabel(q.Object), Relabel(q.Graph));
        }

        return quads;
    }

    private RdfTerm Relabel(RdfTerm term) =>
        term.IsBlankNode ? RdfTerm.BlankNode(IssuedIdentifiers[term.Value]) : term;
}
