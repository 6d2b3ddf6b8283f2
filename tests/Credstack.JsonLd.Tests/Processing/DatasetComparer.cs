using System.Globalization;
using System.Text;
using Credstack.JsonLd.Rdf;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>
/// Test-only: parses the suite's expected N-Quads and decides whether two datasets are isomorphic
/// (equal up to blank node relabelling) by backtracking over blank node mappings, pruned by a
/// colour refinement of the blank nodes. The suite's datasets are small, so this is fast enough.
/// </summary>
internal static class DatasetComparer
{
    public static List<Quad> ParseNQuads(string text)
    {
        var quads = new List<Quad>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var position = 0;
            var terms = new List<RdfTerm>();
            while (position < line.Length)
            {
                SkipSpace(line, ref position);
                if (position >= line.Length || line[position] == '.')
                {
                    break;
                }

                terms.Add(ReadTerm(line, ref position));
            }

            quads.Add(terms.Count == 4 ? new Quad(terms[0], terms[1], terms[2], terms[3]) : new Quad(terms[0], terms[1], terms[2]));
        }

        return quads;
    }

    public static bool AreIsomorphic(IReadOnlyList<Quad> expected, IReadOnlyList<Quad> actual)
    {
        var a = expected.Select(NormalizeLanguage).Distinct().ToList();
        var b = actual.Select(NormalizeLanguage).Distinct().ToList();
        if (a.Count != b.Count)
        {
            return false;
        }

        var blanksA = BlankNodes(a);
        var blanksB = BlankNodes(b);
        if (blanksA.Count != blanksB.Count)
        {
            return false;
        }

        var coloursA = Colours(a, blanksA);
        var coloursB = Colours(b, blanksB);
        var target = new HashSet<Quad>(b);
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var usedTargets = new HashSet<string>(StringComparer.Ordinal);
        var order = blanksA.OrderBy(x => coloursA[x], StringComparer.Ordinal).ToList();
        return Assign(0);

        bool Assign(int index)
        {
            if (index == order.Count)
            {
                return a.All(q => target.Contains(Map(q, mapping)));
            }

            var source = order[index];
            foreach (var candidate in blanksB)
            {
                if (usedTargets.Contains(candidate) || coloursB[candidate] != coloursA[source])
                {
                    continue;
                }

                mapping[source] = candidate;
                usedTargets.Add(candidate);
                if (ConsistentSoFar() && Assign(index + 1))
                {
                    return true;
                }

                mapping.Remove(source);
                usedTargets.Remove(candidate);
            }

            return false;
        }

        bool ConsistentSoFar()
        {
            foreach (var quad in a)
            {
                if (Terms(quad).All(t => !t.IsBlankNode || mapping.ContainsKey(t.Value)) && !target.Contains(Map(quad, mapping)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // Language tags are case-insensitive (BCP 47); the suite's expected files keep the input's case.
    private static Quad NormalizeLanguage(Quad quad) =>
        quad.Object.Language is { } language ? quad with { Object = RdfTerm.Literal(quad.Object.Value, language: language.ToLowerInvariant()) } : quad;

    private static IEnumerable<RdfTerm> Terms(Quad quad) => [quad.Subject, quad.Predicate, quad.Object, quad.Graph];

    private static List<string> BlankNodes(List<Quad> quads) =>
        quads.SelectMany(Terms).Where(t => t.IsBlankNode).Select(t => t.Value).Distinct().ToList();

    private static Quad Map(Quad quad, Dictionary<string, string> mapping)
    {
        RdfTerm M(RdfTerm t) => t.IsBlankNode ? RdfTerm.BlankNode(mapping[t.Value]) : t;
        return new Quad(M(quad.Subject), M(quad.Predicate), M(quad.Object), M(quad.Graph));
    }

    // Colour refinement: a blank node's colour is the sorted multiset of the quads it appears in, with
    // blank nodes replaced by their previous colour; repeated a few rounds.
    private static Dictionary<string, string> Colours(List<Quad> quads, List<string> blanks)
    {
        var colours = blanks.ToDictionary(x => x, _ => "_", StringComparer.Ordinal);
        for (var round = 0; round < 4; round++)
        {
            var next = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var blank in blanks)
            {
                var signatures = new List<string>();
                foreach (var quad in quads)
                {
                    if (!Terms(quad).Any(t => t.IsBlankNode && t.Value == blank))
                    {
                        continue;
                    }

                    string C(RdfTerm t) => !t.IsBlankNode ? TermText(t) : t.Value == blank ? "SELF" : "B" + colours[t.Value];
                    signatures.Add(string.Join(' ', C(quad.Subject), C(quad.Predicate), ObjectKey(quad.Object, C), C(quad.Graph)));
                }

                signatures.Sort(StringComparer.Ordinal);
                next[blank] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', signatures))));
            }

            colours = next;
        }

        return colours;
    }

    private static string ObjectKey(RdfTerm term, Func<RdfTerm, string> colour) => term.Kind == RdfTermKind.Literal ? TermText(term) : colour(term);

    private static string TermText(RdfTerm term)
    {
        var builder = new StringBuilder();
        NQuadsWriter.AppendTerm(builder, term);
        return builder.ToString();
    }

    private static void SkipSpace(string line, ref int position)
    {
        while (position < line.Length && (line[position] == ' ' || line[position] == '\t'))
        {
            position++;
        }
    }

    private static RdfTerm ReadTerm(string line, ref int position)
    {
        var c = line[position];
        if (c == '<')
        {
            var end = line.IndexOf('>', position);
            var iri = Unescape(line[(position + 1)..end]);
            position = end + 1;
            return RdfTerm.Iri(iri);
        }

        if (c == '_')
        {
            var start = position + 2;
            var end = start;
            while (end < line.Length && line[end] != ' ' && line[end] != '\t')
            {
                end++;
            }

            position = end;
            return RdfTerm.BlankNode(line[start..end]);
        }

        if (c == '"')
        {
            var builder = new StringBuilder();
            position++;
            while (line[position] != '"')
            {
                if (line[position] == '\\')
                {
                    position++;
                    var escape = line[position];
                    switch (escape)
                    {
                        case 't': builder.Append('\t'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 'f': builder.Append('\f'); break;
                        case '"': builder.Append('"'); break;
                        case '\'': builder.Append('\''); break;
                        case '\\': builder.Append('\\'); break;
                        case 'u':
                            builder.Append((char)int.Parse(line.AsSpan(position + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            position += 4;
                            break;
                        case 'U':
                            builder.Append(char.ConvertFromUtf32(int.Parse(line.AsSpan(position + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                            position += 8;
                            break;
                        default:
                            throw new FormatException($"Unknown escape \\{escape} in: {line}");
                    }

                    position++;
                }
                else
                {
                    builder.Append(line[position]);
                    position++;
                }
            }

            position++;
            var lexical = builder.ToString();
            if (position < line.Length && line[position] == '@')
            {
                var start = position + 1;
                var end = start;
                while (end < line.Length && line[end] != ' ' && line[end] != '\t')
                {
                    end++;
                }

                position = end;
                return RdfTerm.Literal(lexical, language: line[start..end].ToLowerInvariant());
            }

            if (position + 1 < line.Length && line[position] == '^' && line[position + 1] == '^')
            {
                position += 2;
                var datatype = ReadTerm(line, ref position);
                return RdfTerm.Literal(lexical, datatype.Value);
            }

            return RdfTerm.Literal(lexical);
        }

        throw new FormatException($"Cannot read an N-Quads term at {position} in: {line}");
    }

    private static string Unescape(string iri)
    {
        if (!iri.Contains('\\', StringComparison.Ordinal))
        {
            return iri;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < iri.Length; i++)
        {
            if (iri[i] == '\\' && iri[i + 1] == 'u')
            {
                builder.Append((char)int.Parse(iri.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else if (iri[i] == '\\' && iri[i + 1] == 'U')
            {
                builder.Append(char.ConvertFromUtf32(int.Parse(iri.AsSpan(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                i += 9;
            }
            else
            {
                builder.Append(iri[i]);
            }
        }

        return builder.ToString();
    }
}
