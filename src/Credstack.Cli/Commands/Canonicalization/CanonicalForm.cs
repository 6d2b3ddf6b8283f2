using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Credstack.JsonLd;
using Credstack.JsonLd.Canonicalization;
using Credstack.JsonLd.Jcs;
using Credstack.JsonLd.Rdf;

namespace Credstack.Cli.Commands.Canonicalization;

/// <summary>The canonical form of one input document, or the error that stopped it; what <c>credstack canonicalize</c> prints.</summary>
internal sealed record CanonicalForm(
    string Format,
    byte[] Canonical,
    int? QuadCount,
    IReadOnlyDictionary<string, string>? IssuedIdentifiers,
    string? HashAlgorithm,
    string? HashHex)
{
    public static CanonicalForm Jcs(ReadOnlySpan<byte> json, string? hash) =>
        WithHash(new CanonicalForm("jcs", JsonCanonicalizer.Canonicalize(json), null, null, null, null), hash);

    public static CanonicalForm Rdfc(ReadOnlyMemory<byte> input, bool fromNQuads, RdfCanonicalizer canonicalizer, JsonLdOptions options, string? hash)
    {
        var result = fromNQuads
            ? canonicalizer.Canonicalize(NQuadsParser.Parse(input.Span))
            : JsonLdCanonicalizer.Canonicalize(input, options, canonicalizer);
        return WithHash(
            new CanonicalForm("rdfc-1.0", result.CanonicalNQuadsUtf8.ToArray(), result.Quads.Count, result.IssuedIdentifiers, null, null),
            hash);
    }

    /// <summary>Writes this form as a JSON report object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteString("canonical", Encoding.UTF8.GetString(Canonical));
        if (QuadCount is { } count)
        {
            writer.WriteNumber("quads", count);
        }

        if (IssuedIdentifiers is not null)
        {
            writer.WriteStartObject("issuedIdentifiers");
            foreach (var (blank, canonical) in IssuedIdentifiers.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(blank, canonical);
            }

            writer.WriteEndObject();
        }

        if (HashHex is not null)
        {
            writer.WriteStartObject("hash");
            writer.WriteString("algorithm", HashAlgorithm);
            writer.WriteString("hex", HashHex);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static CanonicalForm WithHash(CanonicalForm form, string? hash) => hash switch
    {
        null => form,
        "sha256" => form with { HashAlgorithm = hash, HashHex = Convert.ToHexStringLower(SHA256.HashData(form.Canonical)) },
        "sha384" => form with { HashAlgorithm = hash, HashHex = Convert.ToHexStringLower(SHA384.HashData(form.Canonical)) },
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "Unsupported hash."),
    };
}
