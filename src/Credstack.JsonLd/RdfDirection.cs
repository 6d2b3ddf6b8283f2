namespace Credstack.JsonLd;

/// <summary>
/// How <c>toRdf</c> represents the base direction of a string (JSON-LD 1.1 API §9.4.1 <c>rdfDirection</c>).
/// </summary>
public enum RdfDirection
{
    /// <summary>Direction is dropped; the literal keeps only its language (the spec's default, <c>null</c>).</summary>
    None,

    /// <summary><c>i18n-datatype</c>: the literal's datatype becomes <c>https://www.w3.org/ns/i18n#{language}_{direction}</c>.</summary>
    I18nDatatype,

    /// <summary><c>compound-literal</c>: the literal becomes a blank node with <c>rdf:value</c>, <c>rdf:language</c> and <c>rdf:direction</c>.</summary>
    CompoundLiteral,
}
