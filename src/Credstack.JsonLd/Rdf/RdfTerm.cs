// RDF 1.1 Concepts and Abstract Syntax (W3C Recommendation 2014-02-25), §3.2-§3.4: IRIs,
// literals (lexical form, datatype IRI, language tag) and blank nodes.
namespace Credstack.JsonLd.Rdf;

/// <summary>
/// An RDF term (RDF 1.1 Concepts §3). Literals always carry a datatype; a language-tagged
/// string has datatype <c>rdf:langString</c> and a <see cref="Language"/>.
/// </summary>
public readonly record struct RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    /// <summary>The XSD string datatype IRI, the default datatype of a plain literal.</summary>
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";

    /// <summary>The datatype IRI of language-tagged strings.</summary>
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    /// <summary>The default graph marker.</summary>
    public static RdfTerm DefaultGraph { get; } = new(RdfTermKind.DefaultGraph, string.Empty);

    /// <summary>Creates an IRI term.</summary>
    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    /// <summary>Creates a blank node term from a label without the <c>_:</c> prefix.</summary>
    public static RdfTerm BlankNode(string label) => new(RdfTermKind.BlankNode, label);

    /// <summary>Creates a literal; a language tag implies <c>rdf:langString</c>.</summary>
    public static RdfTerm Literal(string lexicalForm, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexicalForm, language is null ? datatype ?? XsdString : RdfLangString, language);

    /// <summary>True for a blank node.</summary>
    public bool IsBlankNode => Kind == RdfTermKind.BlankNode;
}
