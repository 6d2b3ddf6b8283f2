// Open Badges 3.0 §5.3.2 "SVG" baking (CLR 2.0 the same with namespace
// https://purl.imsglobal.org/clr/v2p0): xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" on
// <svg>, and <openbadges:credential> as the first child of <svg>, holding the JSON credential in
// CDATA or, for a VC-JWT, an empty element with verify="<compact JWS>". Unbaking also reads the
// Open Badges 2.0 form (<openbadges:assertion> in namespace https://openbadges.org) for import.
// Security: no DTD is processed and no resolver is set, so nothing is ever fetched or read from
// disk (no XXE). Deviation: a DOCTYPE that only names an external DTD (as SVG editors write, and
// as the 1EdTech samples do) is tolerated and ignored; a DOCTYPE with an internal subset or any
// <!ENTITY declaration is refused with a clear error. Baking writes the document back without
// its DOCTYPE. Choice: re-baking replaces any earlier credential element.
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Credstack.Credentials.Baking;

/// <summary>Bakes a credential into an SVG image and reads it back.</summary>
public static class SvgBaker
{
    /// <summary>The Open Badges 3.0 baking namespace.</summary>
    public const string OpenBadge3Namespace = "https://purl.imsglobal.org/ob/v3p0";

    /// <summary>The CLR 2.0 baking namespace.</summary>
    public const string Clr2Namespace = "https://purl.imsglobal.org/clr/v2p0";

    /// <summary>The Open Badges 2.0 baking namespace (read only).</summary>
    public const string OpenBadge2Namespace = "https://openbadges.org";

    private static readonly XNamespace Ob3 = OpenBadge3Namespace;
    private static readonly XNamespace Clr2 = Clr2Namespace;
    private static readonly XNamespace Ob2 = OpenBadge2Namespace;

    /// <summary>
    /// Returns a copy of <paramref name="svg"/> with <paramref name="credential"/> baked as the first
    /// child of the root <c>svg</c> element, replacing any credential baked earlier.
    /// </summary>
    /// <param name="svg">The SVG document bytes (UTF-8 or with an XML encoding declaration).</param>
    /// <param name="credential">The JSON credential (written in CDATA) or the compact JWS (written as <c>verify</c>).</param>
    /// <param name="format"><see cref="BakedCredentialFormat.OpenBadge3"/> or <see cref="BakedCredentialFormat.Clr2"/>.</param>
    /// <param name="limits">Size limits; <see cref="BakingLimits.Default"/> when null.</param>
    public static BakeResult Bake(ReadOnlySpan<byte> svg, string credential, BakedCredentialFormat format = BakedCredentialFormat.OpenBadge3, BakingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        limits ??= BakingLimits.Default;
        if (format == BakedCredentialFormat.OpenBadge2)
        {
            return BakeResult.Fail("Open Badges 2.0 baking is read-only here: bake as Open Badges 3.0 or CLR 2.0.");
        }

        if (Encoding.UTF8.GetByteCount(credential) > limits.MaxPayloadBytes)
        {
            return BakeResult.Fail($"The credential is more than the limit of {limits.MaxPayloadBytes} bytes.");
        }

        var kind = BakedPayload.Classify(credential, allowUrl: false, out var payloadError);
        if (kind is null)
        {
            return BakeResult.Fail(payloadError!);
        }

        var loadError = TryLoad(svg, limits, out var document);
        if (loadError is not null)
        {
            return BakeResult.Fail(loadError);
        }

        var root = document!.Root!;
        foreach (var old in FindCredentialElements(root).ToList())
        {
            old.Remove();
        }

        var ns = format == BakedCredentialFormat.Clr2 ? Clr2 : Ob3;
        root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.LocalName == "openbadges").Remove();
        root.SetAttributeValue(XNamespace.Xmlns + "openbadges", ns.NamespaceName);
        var element = kind == BakedPayloadKind.CompactJws
            ? new XElement(ns + "credential", new XAttribute("verify", credential))
            : new XElement(ns + "credential", new XCData(credential));
        root.AddFirst(element);

        // The DOCTYPE was ignored on reading; writing the tree back drops it.
        document.DocumentType?.Remove();
        using var output = new MemoryStream(svg.Length + credential.Length + 256);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(output, settings))
        {
            document.Save(writer);
        }

        return BakeResult.Ok(output.ToArray());
    }

    /// <summary>Reads the first baked credential from an SVG.</summary>
    /// <returns>Found (with the text and its kind), not baked, or malformed with the reason. Never throws for bad input.</returns>
    public static UnbakeResult Unbake(ReadOnlySpan<byte> svg, BakingLimits? limits = null)
    {
        limits ??= BakingLimits.Default;
        var loadError = TryLoad(svg, limits, out var document);
        if (loadError is not null)
        {
            return UnbakeResult.Malformed(loadError);
        }

        var element = FindCredentialElements(document!.Root!).FirstOrDefault();
        if (element is null)
        {
            return UnbakeResult.NotBaked;
        }

        var format = element.Name.Namespace == Ob3 ? BakedCredentialFormat.OpenBadge3
            : element.Name.Namespace == Clr2 ? BakedCredentialFormat.Clr2
            : BakedCredentialFormat.OpenBadge2;
        var verify = (string?)element.Attribute("verify");
        var text = !string.IsNullOrWhiteSpace(verify) ? verify.Trim() : element.Value.Trim();
        if (Encoding.UTF8.GetByteCount(text) > limits.MaxPayloadBytes)
        {
            return UnbakeResult.Malformed($"The baked text is more than the limit of {limits.MaxPayloadBytes} bytes.");
        }

        var kind = BakedPayload.Classify(text, allowUrl: format == BakedCredentialFormat.OpenBadge2, out var reason);
        if (kind is null)
        {
            return UnbakeResult.Malformed(reason!);
        }

        if (verify is not null && kind == BakedPayloadKind.Json)
        {
            return UnbakeResult.Malformed("The verify attribute must hold a compact JWS (or, for OB 2.0, a URL), not JSON.");
        }

        return new UnbakeResult { Status = UnbakeStatus.Found, Format = format, PayloadKind = kind, Payload = text };
    }

    private static IEnumerable<XElement> FindCredentialElements(XElement root) =>
        root.Descendants().Where(e =>
            (e.Name.LocalName == "credential" && (e.Name.Namespace == Ob3 || e.Name.Namespace == Clr2))
            || (e.Name.LocalName == "assertion" && e.Name.Namespace == Ob2));

    private static string? TryLoad(ReadOnlySpan<byte> svg, BakingLimits limits, out XDocument? document)
    {
        document = null;
        if (svg.Length > limits.MaxImageBytes)
        {
            return $"The image is {svg.Length} bytes, more than the limit of {limits.MaxImageBytes}.";
        }

        var dtdError = CheckDocumentType(svg);
        if (dtdError is not null)
        {
            return dtdError;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = limits.MaxImageBytes,
            MaxCharactersFromEntities = 0,
            IgnoreProcessingInstructions = false,
        };
        try
        {
            using var stream = new MemoryStream(svg.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex)
        {
            return "Malformed SVG: " + ex.Message;
        }

        if (document.Root is not { Name.LocalName: "svg" })
        {
            var name = document.Root?.Name.LocalName ?? "(none)";
            document = null;
            return $"Not an SVG: the root element is <{name}>, not <svg>.";
        }

        return null;
    }

    // Refuses entity declarations before any XML parsing: with DTD processing off they would be
    // ignored anyway, but an SVG that declares entities is hostile or broken and deserves a clear answer.
    private static string? CheckDocumentType(ReadOnlySpan<byte> svg)
    {
        var doctype = svg.IndexOf("<!DOCTYPE"u8);
        if (svg.IndexOf("<!ENTITY"u8) >= 0)
        {
            return "SVG refused: it declares an XML entity (<!ENTITY>); DTDs and entities are not processed (XXE protection).";
        }

        if (doctype < 0)
        {
            return null;
        }

        // Scan the DOCTYPE to its end; an internal subset starts with '[' outside quotes.
        byte quote = 0;
        for (var i = doctype + 9; i < svg.Length; i++)
        {
            var b = svg[i];
            if (quote != 0)
            {
                if (b == quote)
                {
                    quote = 0;
                }
            }
            else if (b is (byte)'"' or (byte)'\'')
            {
                quote = b;
            }
            else if (b == '[')
            {
                return "SVG refused: its DOCTYPE has an internal DTD subset; DTDs and entities are not processed (XXE protection).";
            }
            else if (b == '>')
            {
                return null;
            }
        }

        return "Malformed SVG: the DOCTYPE declaration is not terminated.";
    }
}
