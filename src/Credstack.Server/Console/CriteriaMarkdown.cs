using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Credstack.Server.Console;

/// <summary>
/// Renders an achievement's criteria narrative (Markdown, as OB 3.0 §B.1.5 allows) to HTML for the console's
/// pages: raw HTML in the Markdown is escaped, never passed through, and links or images whose address is not
/// http, https, mailto or relative lose it, so a narrative cannot carry script into a page.
/// </summary>
internal static class CriteriaMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (!trimmed.Contains(':', StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeMailto);
    }
}
