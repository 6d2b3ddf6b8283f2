namespace Credstack.JsonLd.Contexts;

/// <summary>
/// One pinned <c>@context</c> document as recorded in the embedded <c>manifest.json</c>: where it
/// came from and the SHA-256 of the embedded bytes (see docs/contexts.md).
/// </summary>
/// <param name="Url">The URL documents use to reference the context.</param>
/// <param name="File">The embedded file name under <c>Contexts/Documents/</c>.</param>
/// <param name="Kind"><c>production</c>, or <c>example</c> for contexts meant for specification examples and test suites.</param>
/// <param name="Source"><c>npm</c> when copied from a published package, <c>specification</c> when written from the specification.</param>
/// <param name="Package">The npm package name, or null for a context written from its specification.</param>
/// <param name="Version">The npm package version, or null.</param>
/// <param name="PathInPackage">The path of the file inside the package, or null.</param>
/// <param name="Specification">For a context written from its specification: which one; otherwise null.</param>
/// <param name="Extraction"><c>copy</c> (byte for byte), <c>module</c> (a JavaScript module export serialized as JSON) or <c>spec</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the embedded bytes.</param>
/// <param name="Aliases">Other URLs that resolve to this document (docs/contexts.md, "URL matching").</param>
public sealed record ContextManifestEntry(
    string Url,
    string File,
    string Kind,
    string Source,
    string? Package,
    string? Version,
    string? PathInPackage,
    string? Specification,
    string Extraction,
    string Sha256,
    IReadOnlyList<string> Aliases)
{
    /// <summary>True for contexts meant for examples and test suites rather than real credentials.</summary>
    public bool IsExample => string.Equals(Kind, "example", StringComparison.Ordinal);
}
