// RDF Dataset Canonicalization (RDFC-1.0), W3C Recommendation 2024-05-21:
//   §4.2/§4.3 canonicalization state (blank node to quads map, hash to blank nodes map, canonical issuer),
//   §4.4.3 the canonicalization algorithm, §4.6 Hash First Degree Quads, §4.7 Hash Related Blank Node,
//   §4.8 Hash N-Degree Quads. Deviation: none in output; the §6 poison-graph guard is the work bound
//   of RdfCanonicalizerOptions (MaxHashNDegreeQuadsCalls, MaxPermutations).
//
// Representation: every IRI and literal is written once, as its canonical N-Quads UTF-8 form, into
// one buffer; a quad is four references (a term slice, a blank node number, or the default graph).
// Hashing and the final sort then work on bytes: UTF-8 byte order is code point order, which is the
// order RDFC-1.0 requires, and nothing is converted back to strings on the hot path.
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Canonicalization;

internal sealed class CanonicalizationState : IDisposable
{
    // Buffers and the hash context are kept between runs on one thread: creating an
    // IncrementalHash costs more than hashing a credential's blank nodes.
    [ThreadStatic]
    private static CanonicalizationState? _cached;

    private const int DefaultGraph = int.MinValue;

    private RdfCanonicalizerOptions _options;
    private IncrementalHash _hash;

    // Canonical N-Quads bytes of IRIs and literals; _termStart/_termLength index into it.
    private readonly ArrayBufferWriter<byte> _terms = new(8192);
    private readonly List<int> _termStart = new(512);
    private readonly List<int> _termLength = new(512);

    // Scratch space for lines being hashed or sorted.
    private readonly ArrayBufferWriter<byte> _lines = new(4096);

    private readonly List<string> _blankLabels = [];
    private readonly Dictionary<string, int> _blankNumbers = new(StringComparer.Ordinal);

    private Quad[] _quadSource = [];
    private EncodedQuad[] _quads = [];
    private int _quadCount;

    // Blank node to quads map (§4.3): for each blank node number, the quads that mention it.
    private List<int>[] _quadsOf = [];
    private string?[] _firstDegreeHash = [];
    private IdentifierIssuer _canonicalIssuer = new(0);

    private int _nDegreeCalls;
    private long _permutations;

    private CanonicalizationState(RdfCanonicalizerOptions options)
    {
        _options = options;
        _hash = IncrementalHash.CreateHash(options.HashAlgorithm);
    }

    /// <summary>Takes this thread's cached state, or makes one; give it back with <see cref="Return"/>.</summary>
    public static CanonicalizationState Rent(RdfCanonicalizerOptions options)
    {
        var state = _cached;
        _cached = null;
        if (state is null)
        {
            return new CanonicalizationState(options);
        }

        if (state._hash.AlgorithmName != options.HashAlgorithm)
        {
            state._hash.Dispose();
            state._hash = IncrementalHash.CreateHash(options.HashAlgorithm);
        }

        state._options = options;
        return state;
    }

    /// <summary>Clears the state and keeps it for the next run on this thread, unless a huge dataset grew it.</summary>
    public void Return()
    {
        var oversized = _terms.Capacity > 1 << 20 || _lines.Capacity > 1 << 20 || _termStart.Capacity > 1 << 16
            || _quads.Length > 1 << 16 || _blankNumbers.Count > 1 << 16;

        // A failed run may leave data in the hash context.
        Span<byte> discard = stackalloc byte[64];
        _hash.GetHashAndReset(discard);
        _terms.ResetWrittenCount();
        _termStart.Clear();
        _termLength.Clear();
        _lines.ResetWrittenCount();
        _blankLabels.Clear();
        _blankNumbers.Clear();
        Array.Clear(_quadSource);
        _quadsOf = [];
        _firstDegreeHash = [];
        _quadCount = 0;
        _nDegreeCalls = 0;
        _permutations = 0;
        if (oversized)
        {
            Dispose();
            return;
        }

        _cached?.Dispose();
        _cached = this;
    }

    public void Dispose() => _hash.Dispose();

    public RdfCanonicalizationResult Run(IReadOnlyList<Quad> dataset)
    {
        Encode(dataset);
        RemoveDuplicates();
        var blankCount = _blankLabels.Count;
        _canonicalIssuer = new IdentifierIssuer(blankCount);
        _firstDegreeHash = new string?[blankCount];

        // §4.4.3 step 3: the first degree hash of every blank node, grouped by hash.
        var hashToBlankNodes = new Dictionary<string, List<int>>(blankCount, StringComparer.Ordinal);
        for (var n = 0; n < blankCount; n++)
        {
            var hash = HashFirstDegreeQuads(n);
            if (hashToBlankNodes.TryGetValue(hash, out var list))
            {
                list.Add(n);
            }
            else
            {
                hashToBlankNodes.Add(hash, [n]);
            }
        }

        var hashes = new string[hashToBlankNodes.Count];
        hashToBlankNodes.Keys.CopyTo(hashes, 0);
        Array.Sort(hashes, StringComparer.Ordinal);

        // §4.4.3 step 4: blank nodes with a unique first degree hash get canonical identifiers in hash order.
        var shared = 0;
        foreach (var hash in hashes)
        {
            var list = hashToBlankNodes[hash];
            if (list.Count == 1)
            {
                _canonicalIssuer.Issue(list[0]);
            }
            else
            {
                hashes[shared++] = hash;
            }
        }

        // §4.4.3 step 5: the rest are told apart by Hash N-Degree Quads, in first-degree-hash order.
        for (var h = 0; h < shared; h++)
        {
            var hashPathList = new List<(string Hash, IdentifierIssuer Issuer)>();
            foreach (var n in hashToBlankNodes[hashes[h]])
            {
                if (_canonicalIssuer.NumberOf(n) >= 0)
                {
                    continue;
                }

                var temporaryIssuer = new IdentifierIssuer(blankCount);
                temporaryIssuer.Issue(n);
                hashPathList.Add(HashNDegreeQuads(n, temporaryIssuer));
            }

            // Stable, so that equal hashes keep discovery order (equal hashes mean isomorphic nodes).
            var ordered = hashPathList.OrderBy(r => r.Hash, StringComparer.Ordinal);
            foreach (var result in ordered)
            {
                foreach (var n in result.Issuer.IssuedOrder)
                {
                    _canonicalIssuer.Issue(n);
                }
            }
        }

        return BuildResult();
    }

    // Encodes the quads: IRIs and literals to canonical UTF-8 once, blank nodes to numbers.
    private void Encode(IReadOnlyList<Quad> dataset)
    {
        var count = dataset.Count;
        if (_quads.Length < count)
        {
            _quadSource = new Quad[count];
            _quads = new EncodedQuad[count];
        }

        _quadCount = count;
        for (var i = 0; i < count; i++)
        {
            var quad = dataset[i] ?? throw new ArgumentException("The dataset contains a null quad.", nameof(dataset));
            if (quad.Subject.Kind is not (RdfTermKind.Iri or RdfTermKind.BlankNode)
                || quad.Predicate.Kind != RdfTermKind.Iri
                || quad.Object.Kind == RdfTermKind.DefaultGraph
                || quad.Graph.Kind == RdfTermKind.Literal)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Quad {i} is not a valid RDF quad: {quad.Subject.Kind} {quad.Predicate.Kind} {quad.Object.Kind} {quad.Graph.Kind}."),
                    nameof(dataset));
            }

            _quadSource[i] = quad;
            var s = Reference(quad.Subject);
            var p = Reference(quad.Predicate);
            var o = Reference(quad.Object);
            var g = quad.Graph.Kind == RdfTermKind.DefaultGraph ? DefaultGraph : Reference(quad.Graph);
            _quads[i] = new EncodedQuad(s, p, o, g);
        }
    }

    private int Reference(RdfTerm term)
    {
        if (term.Kind == RdfTermKind.BlankNode)
        {
            if (!_blankNumbers.TryGetValue(term.Value, out var number))
            {
                number = _blankLabels.Count;
                _blankLabels.Add(term.Value);
                _blankNumbers.Add(term.Value, number);
            }

            return ~number;
        }

        var start = _terms.WrittenCount;
        NQuadsWriter.WriteTermUtf8(_terms, term);
        _termStart.Add(start);
        _termLength.Add(_terms.WrittenCount - start);
        return _termStart.Count - 1;
    }

    // A dataset is a set (RDF 1.1 Concepts §4): repeated quads count once, in hashing and in output.
    // Also builds the blank node to quads map (§4.4.3 step 2).
    private void RemoveDuplicates()
    {
        if (_quadCount > 1)
        {
            var seen = new HashSet<int>(_quadCount, new QuadEquality(this));
            var duplicates = 0;
            Span<bool> isDuplicate = _quadCount <= 1024 ? stackalloc bool[_quadCount] : new bool[_quadCount];
            for (var i = 0; i < _quadCount; i++)
            {
                if (!seen.Add(i))
                {
                    isDuplicate[i] = true;
                    duplicates++;
                }
            }

            var kept = _quadCount;
            if (duplicates > 0)
            {
                kept = 0;
                for (var i = 0; i < _quadCount; i++)
                {
                    if (!isDuplicate[i])
                    {
                        _quads[kept] = _quads[i];
                        _quadSource[kept] = _quadSource[i];
                        kept++;
                    }
                }
            }

            _quadCount = kept;
        }

        _quadsOf = new List<int>[_blankLabels.Count];
        for (var q = 0; q < _quadCount; q++)
        {
            var quad = _quads[q];
            AddToBlankNodeMap(quad.Subject, q);
            AddToBlankNodeMap(quad.Object, q);
            AddToBlankNodeMap(quad.Graph, q);
        }
    }

    private void AddToBlankNodeMap(int reference, int quad)
    {
        if (!IsBlank(reference))
        {
            return;
        }

        var list = _quadsOf[~reference] ??= new List<int>(4);

        // A quad that names the same blank node twice is listed once.
        if (list.Count == 0 || list[^1] != quad)
        {
            list.Add(quad);
        }
    }

    private static bool IsBlank(int reference) => reference < 0 && reference != DefaultGraph;

    // §4.6 Hash First Degree Quads: the quads of the blank node with it relabeled _:a and every other
    // blank node _:z, serialized, sorted in code point order, concatenated and hashed.
    private string HashFirstDegreeQuads(int blankNode)
    {
        if (_firstDegreeHash[blankNode] is { } cached)
        {
            return cached;
        }

        var quads = _quadsOf[blankNode];
        _lines.ResetWrittenCount();
        Span<int> starts = quads.Count <= 64 ? stackalloc int[quads.Count + 1] : new int[quads.Count + 1];
        for (var i = 0; i < quads.Count; i++)
        {
            starts[i] = _lines.WrittenCount;
            WriteFirstDegreeLine(_quads[quads[i]], blankNode);
        }

        starts[quads.Count] = _lines.WrittenCount;
        var lines = _lines.WrittenSpan;
        Span<int> order = quads.Count <= 64 ? stackalloc int[quads.Count] : new int[quads.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        SortLines(order, lines, starts);
        foreach (var i in order)
        {
            _hash.AppendData(lines[starts[i]..starts[i + 1]]);
        }

        var hash = FinishHash();
        _firstDegreeHash[blankNode] = hash;
        return hash;
    }

    private void WriteFirstDegreeLine(EncodedQuad quad, int reference)
    {
        WriteFirstDegreeTerm(quad.Subject, reference);
        _lines.Write(" "u8);
        WriteTerm(quad.Predicate);
        _lines.Write(" "u8);
        WriteFirstDegreeTerm(quad.Object, reference);
        if (quad.Graph != DefaultGraph)
        {
            _lines.Write(" "u8);
            WriteFirstDegreeTerm(quad.Graph, reference);
        }

        _lines.Write(" .\n"u8);
    }

    private void WriteFirstDegreeTerm(int term, int reference)
    {
        if (IsBlank(term))
        {
            _lines.Write(~term == reference ? "_:a"u8 : "_:z"u8);
        }
        else
        {
            WriteTerm(term);
        }
    }

    private void WriteTerm(int term) =>
        _lines.Write(_terms.WrittenSpan.Slice(_termStart[term], _termLength[term]));

    // §4.7 Hash Related Blank Node: position, predicate (unless the position is the graph) and the
    // best identifier known for the related node, hashed.
    private string HashRelatedBlankNode(int related, EncodedQuad quad, IdentifierIssuer issuer, char position)
    {
        _lines.ResetWrittenCount();
        _lines.GetSpan(1)[0] = (byte)position;
        _lines.Advance(1);
        if (position != 'g')
        {
            WriteTerm(quad.Predicate);
        }

        int number;
        if ((number = _canonicalIssuer.NumberOf(related)) >= 0)
        {
            _lines.Write("_:c14n"u8);
            WriteNumber(number);
        }
        else if ((number = issuer.NumberOf(related)) >= 0)
        {
            _lines.Write("_:b"u8);
            WriteNumber(number);
        }
        else
        {
            // Step 3.1 of §4.4.3 computed every first degree hash before any related hash is needed.
            WriteAscii(_firstDegreeHash[related] ?? throw new InvalidOperationException("First degree hashes are computed first."));
        }

        _hash.AppendData(_lines.WrittenSpan);
        return FinishHash();
    }

    // §4.8 Hash N-Degree Quads.
    private (string Hash, IdentifierIssuer Issuer) HashNDegreeQuads(int identifier, IdentifierIssuer issuer)
    {
        if (++_nDegreeCalls > _options.MaxHashNDegreeQuadsCalls)
        {
            throw new JsonLdException(
                JsonLdErrorCode.ResourceLimitExceeded,
                string.Create(CultureInfo.InvariantCulture, $"RDFC-1.0 canonicalization stopped after {_options.MaxHashNDegreeQuadsCalls} calls of Hash N-Degree Quads (RdfCanonicalizerOptions.MaxHashNDegreeQuadsCalls): the dataset has too many indistinguishable blank nodes (a poison graph)."));
        }

        // Steps 1-4: group the related blank nodes by their related hash.
        var relatedByHash = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var q in _quadsOf[identifier])
        {
            var quad = _quads[q];
            AddRelated(relatedByHash, quad.Subject, identifier, quad, issuer, 's');
            AddRelated(relatedByHash, quad.Object, identifier, quad, issuer, 'o');
            AddRelated(relatedByHash, quad.Graph, identifier, quad, issuer, 'g');
        }

        var relatedHashes = new string[relatedByHash.Count];
        relatedByHash.Keys.CopyTo(relatedHashes, 0);
        Array.Sort(relatedHashes, StringComparer.Ordinal);

        // Step 5: for each related hash in code point order, the smallest path over all permutations.
        var dataToHash = new StringBuilder();
        var path = new StringBuilder();
        var recursionList = new List<int>();
        foreach (var relatedHash in relatedHashes)
        {
            dataToHash.Append(relatedHash);
            var blankNodes = relatedByHash[relatedHash];
            string? chosenPath = null;
            IdentifierIssuer? chosenIssuer = null;
            var permutation = new int[blankNodes.Count];
            for (var i = 0; i < permutation.Length; i++)
            {
                permutation[i] = i;
            }

            do
            {
                if (++_permutations > _options.MaxPermutations)
                {
                    throw new JsonLdException(
                        JsonLdErrorCode.ResourceLimitExceeded,
                        string.Create(CultureInfo.InvariantCulture, $"RDFC-1.0 canonicalization stopped after {_options.MaxPermutations} permutations in Hash N-Degree Quads (RdfCanonicalizerOptions.MaxPermutations): the dataset has too many indistinguishable blank nodes (a poison graph)."));
                }

                var issuerCopy = issuer.Clone();
                path.Clear();
                recursionList.Clear();
                var skip = false;
                foreach (var index in permutation)
                {
                    var related = blankNodes[index];
                    var canonical = _canonicalIssuer.NumberOf(related);
                    if (canonical >= 0)
                    {
                        path.Append("_:c14n").Append(canonical);
                    }
                    else
                    {
                        if (issuerCopy.NumberOf(related) < 0)
                        {
                            recursionList.Add(related);
                        }

                        path.Append("_:b").Append(issuerCopy.Issue(related));
                    }

                    if (IsWorse(path, chosenPath))
                    {
                        skip = true;
                        break;
                    }
                }

                if (!skip)
                {
                    foreach (var related in recursionList)
                    {
                        var result = HashNDegreeQuads(related, issuerCopy);
                        path.Append("_:b").Append(issuerCopy.Issue(related));
                        path.Append('<').Append(result.Hash).Append('>');
                        issuerCopy = result.Issuer;
                        if (IsWorse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }
                }

                if (!skip && (chosenPath is null || CompareOrdinal(path, chosenPath) < 0))
                {
                    chosenPath = path.ToString();
                    chosenIssuer = issuerCopy;
                }
            }
            while (NextPermutation(permutation));

            dataToHash.Append(chosenPath);
            issuer = chosenIssuer!;
        }

        _lines.ResetWrittenCount();
        foreach (var chunk in dataToHash.GetChunks())
        {
            WriteAscii(chunk.Span);
        }

        _hash.AppendData(_lines.WrittenSpan);
        return (FinishHash(), issuer);
    }

    private void AddRelated(Dictionary<string, List<int>> relatedByHash, int term, int identifier, EncodedQuad quad, IdentifierIssuer issuer, char position)
    {
        if (!IsBlank(term) || ~term == identifier)
        {
            return;
        }

        var hash = HashRelatedBlankNode(~term, quad, issuer, position);
        if (relatedByHash.TryGetValue(hash, out var list))
        {
            list.Add(~term);
        }
        else
        {
            relatedByHash.Add(hash, [~term]);
        }
    }

    // §4.8.3 steps 5.4.4.3 and 5.4.5.5: a path already longer and greater than the chosen one cannot win.
    private static bool IsWorse(StringBuilder path, string? chosenPath) =>
        chosenPath is not null && path.Length >= chosenPath.Length && CompareOrdinal(path, chosenPath) > 0;

    // Paths are ASCII, so UTF-16 order is code point order.
    private static int CompareOrdinal(StringBuilder path, string chosen)
    {
        var length = Math.Min(path.Length, chosen.Length);
        for (var i = 0; i < length; i++)
        {
            var d = path[i] - chosen[i];
            if (d != 0)
            {
                return d;
            }
        }

        return path.Length - chosen.Length;
    }

    // Lexicographic next permutation of indices; false after the last one.
    private static bool NextPermutation(int[] p)
    {
        var i = p.Length - 2;
        while (i >= 0 && p[i] >= p[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        var j = p.Length - 1;
        while (p[j] <= p[i])
        {
            j--;
        }

        (p[i], p[j]) = (p[j], p[i]);
        Array.Reverse(p, i + 1, p.Length - i - 1);
        return true;
    }

    // §4.4.3 step 6: relabel with canonical identifiers, serialize, sort in code point order.
    private RdfCanonicalizationResult BuildResult()
    {
        _lines.ResetWrittenCount();
        var starts = new int[_quadCount + 1];
        for (var q = 0; q < _quadCount; q++)
        {
            starts[q] = _lines.WrittenCount;
            var quad = _quads[q];
            WriteCanonicalTerm(quad.Subject);
            _lines.Write(" "u8);
            WriteTerm(quad.Predicate);
            _lines.Write(" "u8);
            WriteCanonicalTerm(quad.Object);
            if (quad.Graph != DefaultGraph)
            {
                _lines.Write(" "u8);
                WriteCanonicalTerm(quad.Graph);
            }

            _lines.Write(" .\n"u8);
        }

        starts[_quadCount] = _lines.WrittenCount;
        var lines = _lines.WrittenSpan;
        var order = new int[_quadCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        SortLines(order, lines, starts);
        var output = new byte[lines.Length];
        var sortedInput = new Quad[_quadCount];
        var at = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var q = order[i];
            var line = lines[starts[q]..starts[q + 1]];
            line.CopyTo(output.AsSpan(at));
            at += line.Length;
            sortedInput[i] = _quadSource[q];
        }

        var issued = new Dictionary<string, string>(_canonicalIssuer.Count, StringComparer.Ordinal);
        foreach (var n in _canonicalIssuer.IssuedOrder)
        {
            issued.Add(_blankLabels[n], CanonicalLabel(_canonicalIssuer.NumberOf(n)));
        }

        return new RdfCanonicalizationResult(output, sortedInput, issued);
    }

    private static string CanonicalLabel(int number) => number switch
    {
        0 => "c14n0",
        1 => "c14n1",
        2 => "c14n2",
        3 => "c14n3",
        _ => string.Create(CultureInfo.InvariantCulture, $"c14n{number}"),
    };

    private void WriteCanonicalTerm(int term)
    {
        if (IsBlank(term))
        {
            _lines.Write("_:c14n"u8);
            WriteNumber(_canonicalIssuer.NumberOf(~term));
        }
        else
        {
            WriteTerm(term);
        }
    }

    private void WriteNumber(int number)
    {
        var span = _lines.GetSpan(11);
        number.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _lines.Advance(written);
    }

    private void WriteAscii(ReadOnlySpan<char> text)
    {
        var span = _lines.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        _lines.Advance(written);
    }

    private string FinishHash()
    {
        Span<byte> digest = stackalloc byte[64];
        var length = _hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..length]);
    }

    // Sorts line numbers by the bytes of their lines (code point order). A comparer over spans
    // cannot be captured by a delegate, hence the hand-written sorts: insertion sort for the short
    // lists of a blank node's quads, heapsort (O(n log n), in place) for whole datasets.
    private static void SortLines(Span<int> order, ReadOnlySpan<byte> lines, ReadOnlySpan<int> starts)
    {
        if (order.Length <= 24)
        {
            for (var i = 1; i < order.Length; i++)
            {
                var item = order[i];
                var j = i - 1;
                while (j >= 0 && CompareLines(order[j], item, lines, starts) > 0)
                {
                    order[j + 1] = order[j];
                    j--;
                }

                order[j + 1] = item;
            }

            return;
        }

        for (var root = (order.Length / 2) - 1; root >= 0; root--)
        {
            SiftDown(order, root, order.Length, lines, starts);
        }

        for (var end = order.Length - 1; end > 0; end--)
        {
            (order[0], order[end]) = (order[end], order[0]);
            SiftDown(order, 0, end, lines, starts);
        }
    }

    private static void SiftDown(Span<int> heap, int root, int length, ReadOnlySpan<byte> lines, ReadOnlySpan<int> starts)
    {
        while (true)
        {
            var child = (2 * root) + 1;
            if (child >= length)
            {
                return;
            }

            if (child + 1 < length && CompareLines(heap[child], heap[child + 1], lines, starts) < 0)
            {
                child++;
            }

            if (CompareLines(heap[root], heap[child], lines, starts) >= 0)
            {
                return;
            }

            (heap[root], heap[child]) = (heap[child], heap[root]);
            root = child;
        }
    }

    private static int CompareLines(int x, int y, ReadOnlySpan<byte> lines, ReadOnlySpan<int> starts) =>
        lines[starts[x]..starts[x + 1]].SequenceCompareTo(lines[starts[y]..starts[y + 1]]);

    private readonly record struct EncodedQuad(int Subject, int Predicate, int Object, int Graph);

    private sealed class QuadEquality(CanonicalizationState state) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y)
        {
            var a = state._quads[x];
            var b = state._quads[y];
            return TermEquals(a.Subject, b.Subject) && TermEquals(a.Predicate, b.Predicate)
                && TermEquals(a.Object, b.Object) && TermEquals(a.Graph, b.Graph);
        }

        public int GetHashCode(int obj)
        {
            var q = state._quads[obj];
            var hash = default(HashCode);
            AddTerm(ref hash, q.Subject);
            AddTerm(ref hash, q.Predicate);
            AddTerm(ref hash, q.Object);
            AddTerm(ref hash, q.Graph);
            return hash.ToHashCode();
        }

        private bool TermEquals(int x, int y)
        {
            if (x < 0 || y < 0)
            {
                return x == y;
            }

            return Slice(x).SequenceEqual(Slice(y));
        }

        private void AddTerm(ref HashCode hash, int term)
        {
            if (term < 0)
            {
                hash.Add(term);
            }
            else
            {
                hash.AddBytes(Slice(term));
            }
        }

        private ReadOnlySpan<byte> Slice(int term) =>
            state._terms.WrittenSpan.Slice(state._termStart[term], state._termLength[term]);
    }
}
