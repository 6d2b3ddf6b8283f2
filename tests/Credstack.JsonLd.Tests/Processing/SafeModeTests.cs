namespace Credstack.JsonLd.Tests.Processing;

/// <summary>Safe mode turns every silent drop of the expansion algorithm into an error naming the term and its path.</summary>
public sealed class SafeModeTests
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };

    [Fact]
    public void An_undefined_term_without_vocab_is_dropped_silently_by_default()
    {
        var quads = JsonLdProcessor.ToRdf("""{"@context": {"name": "https://schema.org/name"}, "name": "A", "secret": "B"}""");

        Assert.Single(quads);
    }

    [Fact]
    public void An_undefined_term_without_vocab_is_an_error_in_safe_mode_naming_the_term_and_its_path()
    {
        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.ToRdf("""{"@context": {"name": "https://schema.org/name", "knows": "https://schema.org/knows"}, "knows": {"name": "A", "secret": "B"}}""", Safe));

        Assert.Equal(JsonLdErrorCode.SafeModeDroppedTerm, error.Code);
        Assert.Contains("\"secret\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.knows.secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_that_cannot_be_expanded_to_an_absolute_IRI_is_an_error_in_safe_mode()
    {
        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.ToRdf("""{"@context": {"name": "https://schema.org/name"}, "@type": "Unknown", "name": "A"}""", Safe));

        Assert.Equal(JsonLdErrorCode.SafeModeDroppedTerm, error.Code);
        Assert.Contains("Unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_id_with_no_base_is_an_error_in_safe_mode()
    {
        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.ToRdf("""{"@context": {"name": "https://schema.org/name"}, "@id": "relative/thing", "name": "A"}""", Safe));

        Assert.Equal(JsonLdErrorCode.SafeModeDroppedTerm, error.Code);
    }

    [Fact]
    public void A_keyword_like_key_is_an_error_in_safe_mode()
    {
        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.ToRdf("""{"@context": {"name": "https://schema.org/name"}, "name": "A", "@future": "B"}""", Safe));

        Assert.Equal(JsonLdErrorCode.SafeModeDroppedTerm, error.Code);
    }

    [Fact]
    public void A_fully_defined_document_passes_safe_mode()
    {
        var quads = JsonLdProcessor.ToRdf("""{"@context": {"@vocab": "https://schema.org/"}, "@id": "https://example.org/a", "@type": "Person", "name": "A"}""", Safe);

        Assert.Equal(2, quads.Count);
    }

    [Fact]
    public void A_relative_key_of_an_id_map_is_an_error_in_safe_mode()
    {
        var error = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.ToRdf("""{"@context": {"@vocab": "https://schema.org/", "knows": {"@container": "@id"}}, "@id": "https://example.org/a", "knows": {"friend": {"name": "B"}}}""", Safe));

        Assert.Equal(JsonLdErrorCode.SafeModeDroppedTerm, error.Code);
        Assert.Contains("friend", error.Message, StringComparison.Ordinal);
    }
}
