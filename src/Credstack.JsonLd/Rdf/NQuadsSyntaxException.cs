// RDF 1.1 N-Quads (W3C Recommendation 2014-02-25), §3 "Grammar": the error raised when a
// document does not match the grammar or exceeds a configured limit.
using System.Globalization;

namespace Credstack.JsonLd.Rdf;

/// <summary>
/// An N-Quads document is not valid N-Quads or exceeds a limit of <see cref="NQuadsParserOptions"/>.
/// The message names the 1-based line and column of the offending character.
/// </summary>
public sealed class NQuadsSyntaxException : FormatException
{
    /// <summary>Creates an error at a position in the document.</summary>
    public NQuadsSyntaxException(string reason, int line, int column)
        : base(string.Create(CultureInfo.InvariantCulture, $"N-Quads syntax error at line {line}, column {column}: {reason}"))
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in UTF-16 code units) of the error.</summary>
    public int Column { get; }
}
