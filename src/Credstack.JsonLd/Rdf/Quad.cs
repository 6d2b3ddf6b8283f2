// "Object" is the RDF name of a triple's third term (RDF 1.1 Concepts §3.1).
#pragma warning disable CA1720

namespace Credstack.JsonLd.Rdf;

/// <summary>An RDF quad: a triple and the graph it belongs to (<see cref="RdfTerm.DefaultGraph"/> for the default graph).</summary>
public sealed record Quad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm Graph)
{
    /// <summary>Creates a quad in the default graph.</summary>
    public Quad(RdfTerm subject, RdfTerm predicate, RdfTerm @object)
        : this(subject, predicate, @object, RdfTerm.DefaultGraph)
    {
    }

    /// <summary>This quad as one canonical N-Quads line, with its terminating newline.</summary>
    public override string ToString() => NQuadsWriter.WriteQuad(this);
}
