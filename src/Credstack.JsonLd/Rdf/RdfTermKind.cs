// RDF 1.1 Concepts and Abstract Syntax, §3 "RDF Graphs" (term kinds) and §4 "RDF Datasets" (the default graph).
namespace Credstack.JsonLd.Rdf;

/// <summary>The kinds of RDF term (RDF 1.1 Concepts §3), plus the default graph marker used in the graph position of a quad.</summary>
public enum RdfTermKind
{
    /// <summary>An absolute IRI.</summary>
    Iri,

    /// <summary>A blank node; <see cref="RdfTerm.Value"/> holds its label without the <c>_:</c> prefix.</summary>
    BlankNode,

    /// <summary>A literal with a datatype IRI and, for <c>rdf:langString</c>, a language tag.</summary>
    Literal,

    /// <summary>The default graph; only valid in the graph position.</summary>
    DefaultGraph,
}
